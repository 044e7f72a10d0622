using System.Collections.Immutable;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading.Syntax;

/// <summary>A named <c>require</c> clause as written.</summary>
internal sealed class ClauseSyntax(Located<string> name, ExpressionSyntax expression)
{
    public Located<string> Name { get; } = name;

    public ExpressionSyntax Expression { get; } = expression;
}

/// <summary>A rule as written in its pack, before layering.</summary>
internal sealed class RuleSyntax
{
    public RuleSyntax(RuleDto rule)
    {
        Id = rule.Id;
        Title = rule.Title;
        Severity = rule.Severity;
        Reference = rule.Reference;
        Subject = rule.For is { } subject ? SubjectSyntax.Parse(subject) : null;
        When = rule.When is { } when ? new ExpressionSyntax(when) : null;
        Clauses = [.. rule.Require.Select(c => new ClauseSyntax(c.Name, new ExpressionSyntax(c.Expression)))];
        Message = rule.Message is { } message ? MessageSyntax.Parse(message) : null;
        Reason = rule.Reason;
        Location = rule.Location;
    }

    public Located<string> Id { get; }

    public string? Title { get; }

    /// <summary>The severity the rule file gives, or null when it gives none.</summary>
    public Severity? Severity { get; }

    public string? Reference { get; }

    /// <summary>The <c>for:</c>, or null when the rule has none.</summary>
    public SubjectSyntax? Subject { get; }

    public ExpressionSyntax? When { get; }

    public ImmutableArray<ClauseSyntax> Clauses { get; }

    public MessageSyntax? Message { get; }

    public string? Reason { get; }

    /// <summary>Where the rule is defined.</summary>
    public SourceLocation Location { get; }
}

/// <summary>A pack parameter as written, with its value, position and the span of its name.</summary>
internal sealed class ParameterSyntax(string name, object value, SourceLocation location, SourceSpan span)
{
    public string Name { get; } = name;

    public object Value { get; } = value;

    public SourceLocation Location { get; } = location;

    public SourceSpan Span { get; } = span;
}

/// <summary>A rule file as written: a pack, or a file that extends packs and overrides their rules.</summary>
internal sealed class PackSyntax(
    Located<string> name,
    string file,
    Located<string>? extends,
    ImmutableArray<ParameterSyntax> parameters,
    ImmutableArray<LetGroupSyntax> lets,
    ImmutableArray<RuleSyntax> rules)
{
    public Located<string> Name { get; } = name;

    public string File { get; } = file;

    public Located<string>? Extends { get; } = extends;

    public ImmutableArray<ParameterSyntax> Parameters { get; } = parameters;

    public ImmutableArray<LetGroupSyntax> Lets { get; } = lets;

    /// <summary>Every rule of the file, including any whose id another file defined first.</summary>
    public ImmutableArray<RuleSyntax> Rules { get; } = rules;
}

/// <summary>
/// A rule after layering: the rule as written, and its severity, enabled flag, period, parameters and visible derived
/// values after the files that extend its pack, each change with where it was made.
/// </summary>
internal sealed class LayeredRule(RuleSyntax rule, PackSyntax pack, EffectiveRule layered, ImmutableArray<LetGroupSyntax> lets)
{
    public RuleSyntax Rule { get; } = rule;

    public PackSyntax Pack { get; } = pack;

    public Severity Severity { get; } = layered.Severity;

    public SourceLocation SeveritySetBy { get; } = layered.SeveritySetBy;

    public bool Enabled { get; } = layered.Enabled;

    public SourceLocation? DisabledBy { get; } = layered.DisabledBy;

    public Period? Effective { get; } = layered.Effective;

    /// <summary>The parameter values the rule sees, after layering (read-only; shared by the rules that see the same values).</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; } = layered.Parameters;

    /// <summary>Where each parameter value the rule sees was set: the pack that defines it or the file that overrode it last.</summary>
    public IReadOnlyDictionary<string, SourceLocation> ParametersSetBy { get; } = layered.ParametersSetBy;

    /// <summary>The let groups of the pack's chain, root pack first.</summary>
    public ImmutableArray<LetGroupSyntax> Lets { get; } = lets;
}
