using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading;

/// <summary>An expression as written in a rule file, able to say where each of its characters stands in the file.</summary>
internal sealed class ExpressionSource(string text, YamlScalar node, string file, string fileText)
{
    public string Text { get; } = text;

    public string File { get; } = file;

    public int Line => node.Line;

    public int Column => node.Column;

    /// <summary>The file position of character <paramref name="index"/> of <see cref="Text"/> (1-based line and column).</summary>
    public (int Line, int Column) Locate(int index)
    {
        index = Math.Clamp(index, 0, Math.Max(0, Text.Length - 1));
        var lines = fileText.Split('\n');
        if (node.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
        {
            // Block scalar: content starts on the line after the indicator; the first content line sets the
            // indentation, and any deeper indentation on later lines is part of the text.
            var remaining = index;
            var indent = -1;
            for (var i = node.Line; i < lines.Length; i++)
            {
                var raw = lines[i].TrimEnd('\r');
                if (raw.Trim().Length == 0)
                {
                    remaining -= 1;
                    continue;
                }

                if (indent < 0)
                {
                    indent = raw.Length - raw.TrimStart(' ').Length;
                }

                var content = raw.Length > indent ? raw[indent..] : string.Empty;
                if (remaining <= content.Length)
                {
                    return (i + 1, indent + Math.Max(0, remaining) + 1);
                }

                remaining -= content.Length + 1;
            }

            return (node.Line + 1, 1);
        }

        // Flow scalar (plain or quoted): starts at the node, may continue on following lines.
        var quote = node.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0;
        var firstLine = node.Line - 1;
        var column = node.Column - 1 + quote;
        var left = index;
        for (var i = firstLine; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var start = i == firstLine ? column : raw.Length - raw.TrimStart(' ').Length;
            var length = Math.Max(0, raw.Length - start);
            if (left < length || i == lines.Length - 1)
            {
                return (i + 1, start + left + 1);
            }

            left -= length + 1;
        }

        return (node.Line, node.Column);
    }
}

internal sealed record EffectiveDto(DateOnly? From, DateOnly? Until, SourceLocation Location);

internal sealed record NamedExpression(Located<string> Name, ExpressionSource Expression);

internal sealed record RuleDto(
    Located<string> Id,
    string? Title,
    Severity? Severity,
    string? Reference,
    EffectiveDto? Effective,
    Located<string>? For,
    ExpressionSource? When,
    List<NamedExpression> Require,
    ExpressionSource? Message,
    string? Reason,
    bool Enabled,
    SourceLocation Location,
    SourceSpan Span);

internal sealed record ParameterDto(string Name, object Value, SourceLocation Location, SourceSpan Span);

internal sealed record OverrideDto(
    Located<string> Id,
    Severity? Severity,
    bool? Enabled,
    EffectiveDto? Effective,
    List<ParameterDto> Parameters,
    SourceLocation Location);

internal sealed record LetGroupDto(Located<string> For, List<NamedExpression> Values);

internal sealed record PackDto(
    Located<string> Name,
    string? Version,
    string? Description,
    Located<string>? Extends,
    List<ParameterDto> Parameters,
    List<LetGroupDto> Lets,
    List<RuleDto> Rules,
    List<OverrideDto> Overrides,
    string File,
    string Text);
