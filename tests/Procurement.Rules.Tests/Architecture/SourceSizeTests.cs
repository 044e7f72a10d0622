using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Procurement.Rules.Tests.Architecture;

/// <summary>
/// Files and methods stay small enough to read: no file in src/ over 400 lines and no method (or constructor, accessor,
/// local function) over 80, unless the file's first line gives the reason (<c>// Long file: ...</c> or
/// <c>// Long methods: ...</c>).
/// </summary>
public sealed class SourceSizeTests
{
    public const int MaxFileLines = 400;
    public const int MaxMethodLines = 80;

    public static TheoryData<string> SourceFiles()
    {
        var source = Path.Combine(Repository.Root, "src");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Generated(f))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return [.. files];
    }

    [Fact]
    public void SourceFiles_AreFound()
    {
        Assert.Contains("src/Rules/RuleSet.cs", SourceFiles().Select(row => row.Data));
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void SourceFile_IsAtMost400Lines(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));
        var lines = text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0);

        Assert.True(lines <= MaxFileLines || HasReason(text, "// Long file:"), $"{file} has {lines} lines (at most {MaxFileLines}, or a '// Long file: <reason>' first line)");
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Methods_AreAtMost80Lines(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));
        if (HasReason(text, "// Long methods:"))
        {
            return;
        }

        var tree = CSharpSyntaxTree.ParseText(text, path: file);
        var tooLong = MethodLengths(tree.GetRoot())
            .Where(m => m.Lines > MaxMethodLines)
            .Select(m => $"{file}:{m.Line} {m.Name} has {m.Lines} lines")
            .ToArray();

        Assert.True(tooLong.Length == 0, $"Over {MaxMethodLines} lines: {string.Join("; ", tooLong)}");
    }

    [Fact]
    public void MethodLengths_CountsFromSignatureToClosingBrace()
    {
        var tree = CSharpSyntaxTree.ParseText("class C\n{\n    /// <summary>doc</summary>\n    void M()\n    {\n        var a = 1;\n    }\n}\n");

        var method = Assert.Single(MethodLengths(tree.GetRoot()));

        Assert.Equal(("M", 4, 4), (method.Name, method.Line, method.Lines));
    }

    internal static IEnumerable<(string Name, int Line, int Lines)> MethodLengths(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            var name = node switch
            {
                MethodDeclarationSyntax method => method.Identifier.Text,
                ConstructorDeclarationSyntax constructor => constructor.Identifier.Text,
                LocalFunctionStatementSyntax local => local.Identifier.Text,
                AccessorDeclarationSyntax accessor when accessor.Parent?.Parent is PropertyDeclarationSyntax property => $"{property.Identifier.Text}.{accessor.Keyword.Text}",
                OperatorDeclarationSyntax op => $"operator {op.OperatorToken.Text}",
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            // The node's span leaves out its leading trivia (documentation comments), so it runs from signature to end.
            var span = node.GetLocation().GetLineSpan();
            yield return (name, span.StartLinePosition.Line + 1, span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
        }
    }

    private static bool HasReason(string text, string marker) =>
        text.StartsWith(marker, StringComparison.Ordinal) && text.IndexOf('\n') is var end && text[marker.Length..(end < 0 ? text.Length : end)].Trim().Length > 0;

    private static bool Generated(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
