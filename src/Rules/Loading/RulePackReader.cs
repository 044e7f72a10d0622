using System.Globalization;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading;

/// <summary>Reads one rule file (a pack, or an override file that extends a pack) into a <see cref="PackDto"/>.</summary>
internal sealed class RulePackReader
{
    private readonly YamlFieldReader _reader;
    private readonly string _text;

    private RulePackReader(YamlFieldReader reader, string text)
    {
        _reader = reader;
        _text = text;
    }

    /// <summary>Reads one rule file: its pack, and the errors found in it in the order found. An empty file is a <c>missing-field</c> error.</summary>
    public static Diagnosed<PackDto> Read(string text, string file, YamlLimits limits)
    {
        var reader = new YamlFieldReader(file, limits);
        var root = YamlTreeReader.Read(text, limits, reader);
        if (root is null)
        {
            return reader.Errors.Count == 0
                ? new(null, [new LoadError(LoadErrorCodes.MissingField, "The rule file is empty.", file, 1, 1)])
                : new(null, reader.Errors);
        }

        var pack = new RulePackReader(reader, text).ReadPack(root);

        // A file stopped at the error cap is not compiled: its further errors would not be reported anyway.
        return new(reader.Stopped ? null : pack, reader.Errors);
    }

    private PackDto? ReadPack(YamlNodeBase root)
    {
        // One line for a file that is not a mapping at all (a list, a single value): what it must be and what it is.
        if (root is not YamlMapping)
        {
            _reader.Error(root, LoadErrorCodes.WrongType, $"A rule file must be a mapping with keys such as 'pack', 'version' and 'rules'; found {root.KindName}.");
            return null;
        }

        var fields = _reader.Mapping(root, "a rule file", RuleFileSchema.Pack.Keys);
        if (fields is null)
        {
            return null;
        }

        var name = _reader.Text(_reader.Required(fields, "pack"), "pack name");
        var lets = new List<LetGroupDto>();
        foreach (var node in Items(fields["let"], "let groups"))
        {
            var let = _reader.Mapping(node, "a let group", RuleFileSchema.LetGroup.Keys);
            if (let is null)
            {
                continue;
            }

            var subject = _reader.Text(_reader.Required(let, "for"), "let subject");
            var values = NamedExpressions(let, "values", "let values", identifiersOnly: true);
            if (subject is { } s)
            {
                lets.Add(new LetGroupDto(s, values));
            }
        }

        var rules = new List<RuleDto>();
        foreach (var node in Items(fields["rules"], "rules"))
        {
            if (ReadRule(node) is { } rule)
            {
                rules.Add(rule);
            }
        }

        var overrides = new List<OverrideDto>();
        foreach (var node in Items(fields["overrides"], "overrides"))
        {
            if (ReadOverride(node) is { } item)
            {
                overrides.Add(item);
            }
        }

        if (name is null)
        {
            return null;
        }

        return new PackDto(
            name.Value,
            _reader.Text(fields["version"], "version")?.Value,
            _reader.Text(fields["description"], "description")?.Value,
            _reader.Text(fields["extends"], "extended pack"),
            Parameters(fields["parameters"]),
            lets,
            rules,
            overrides,
            _reader.File,
            _text);
    }

    private RuleDto? ReadRule(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a rule", RuleFileSchema.Rule.Keys);
        if (fields is null)
        {
            return null;
        }

        var id = _reader.Text(_reader.Required(fields, "id"), "rule id");
        var title = _reader.Text(fields["title"], "title")?.Value;
        var severity = fields["severity"] is null ? Severity.Error : _reader.Enum<Severity>(fields["severity"], "severity");
        var require = NamedExpressions(fields, "require", "require clauses", identifiersOnly: false);
        var reason = _reader.Text(fields["reason"], "reason code")?.Value;
        var rule = new RuleDto(
            id ?? default,
            title,
            severity,
            _reader.Text(fields["reference"], "policy reference")?.Value,
            Effective(fields["effective"]),
            _reader.Text(_reader.Required(fields, "for"), "subject"),
            Expression(fields["when"], "when"),
            require,
            Expression(fields["message"], "message"),
            reason,
            fields["enabled"] is null || (_reader.Bool(fields["enabled"], "enabled") ?? true),
            At(fields.Line, fields.Column),
            fields.Span);
        return id is null ? null : rule;
    }

    private OverrideDto? ReadOverride(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "an override", RuleFileSchema.Override.Keys);
        if (fields is null)
        {
            return null;
        }

        var id = _reader.Text(_reader.Required(fields, "id"), "rule id");
        var item = new OverrideDto(
            id ?? default,
            _reader.Enum<Severity>(fields["severity"], "severity"),
            _reader.Bool(fields["enabled"], "enabled"),
            Effective(fields["effective"]),
            Parameters(fields["parameters"]),
            At(fields.Line, fields.Column));
        return id is null ? null : item;
    }

    private EffectiveDto? Effective(YamlNodeBase? node)
    {
        var fields = _reader.Mapping(node, "an effective period", RuleFileSchema.Effective.Keys);
        if (fields is null)
        {
            return null;
        }

        var from = _reader.Date(fields["from"], "the effective date");
        var until = _reader.Date(fields["until"], "the end date");
        if (from is { } f && until is { } u && u < f && fields["until"] is { } untilNode)
        {
            _reader.Error(untilNode, LoadErrorCodes.BadDate, $"The rule stops being effective on {u:yyyy-MM-dd}, before it starts on {f:yyyy-MM-dd}.");
        }

        return new EffectiveDto(from, until, At(fields.Line, fields.Column));
    }

    private List<ParameterDto> Parameters(YamlNodeBase? node)
    {
        var result = new List<ParameterDto>();
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return result;
        }

        if (node is not YamlMapping mapping)
        {
            _reader.Error(node, LoadErrorCodes.WrongType, $"Expected parameters as a mapping of names and values, found {node.KindName}.");
            return result;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (!IsIdentifier(key.Value))
            {
                _reader.Error(key, LoadErrorCodes.BadValue, $"Parameter name '{key.Value}' must be a simple name: letters, digits and underscores, starting with a letter.");
                continue;
            }

            if (value is not YamlScalar scalar || scalar.IsNull)
            {
                _reader.Error(value, LoadErrorCodes.WrongType, $"Parameter '{key.Value}' must have a single value (a number, date, true/false or text).");
                continue;
            }

            result.Add(new ParameterDto(key.Value, ParameterValue(scalar), At(key.Line, key.Column), key.Span));
        }

        return result;
    }

    // Numbers become int or decimal, yyyy-MM-dd becomes a date, true/false a boolean; anything else stays text.
    private static object ParameterValue(YamlScalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.IsPlain)
        {
            return text;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return text switch
        {
            "true" => true,
            "false" => false,
            _ => text,
        };
    }

    private List<NamedExpression> NamedExpressions(MappingFields fields, string field, string what, bool identifiersOnly)
    {
        var node = _reader.Required(fields, field);
        var result = new List<NamedExpression>();
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return result;
        }

        if (node is not YamlMapping mapping)
        {
            _reader.Error(node, LoadErrorCodes.WrongType, $"Expected {what} as a mapping of names to expressions, found {node.KindName}.");
            return result;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (identifiersOnly ? !IsIdentifier(key.Value) : !IsName(key.Value))
            {
                _reader.Error(key, LoadErrorCodes.BadValue, identifiersOnly
                    ? $"Name '{key.Value}' must be a simple name: letters, digits and '_', starting with a letter."
                    : $"Name '{key.Value}' must be a simple name: letters, digits, '-' and '_', starting with a letter.");
                continue;
            }

            // A clause or value without an expression would silently drop out (a rule whose clauses all do never fires).
            if (YamlFieldReader.IsAbsent(value))
            {
                _reader.Error(key, LoadErrorCodes.MissingField, $"'{key.Value}' in {what} has no expression: the field is there but its value is empty.");
                continue;
            }

            if (Expression(value, key.Value) is { } expression)
            {
                result.Add(new NamedExpression(new Located<string>(key.Value, key.Span), expression));
            }
        }

        if (mapping.Entries.Count == 0 && fields.Key(field) is { } at)
        {
            _reader.Error(at, LoadErrorCodes.MissingField, $"'{field}' has no entries; write at least one name: expression.");
        }

        return result;
    }

    private ExpressionSource? Expression(YamlNodeBase? node, string what)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlScalar scalar)
        {
            _reader.Error(node, LoadErrorCodes.WrongType, $"Expected '{what}' as a single expression, found {node.KindName}.");
            return null;
        }

        return new ExpressionSource(scalar.Value.Trim(), scalar, _reader.File, _text);
    }

    // The items of a list, until the file reaches its error cap.
    private IEnumerable<YamlNodeBase> Items(YamlNodeBase? node, string what) => _reader.Sequence(node, what).TakeWhile(_ => !_reader.Stopped);

    private SourceLocation At(int line, int column) => new(_reader.File, line, column);

    /// <summary>A name usable inside expressions: parameters, let values, subject variables.</summary>
    internal static bool IsIdentifier(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A clause name, which may also contain '-'.</summary>
    private static bool IsName(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
