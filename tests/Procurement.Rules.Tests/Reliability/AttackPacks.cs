using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>Where a hostile expression can stand in a rule file, and where its first character lands.</summary>
public enum AttackSite
{
    /// <summary>A <c>require</c> clause.</summary>
    Clause,

    /// <summary>The rule's <c>when</c> condition.</summary>
    When,

    /// <summary>A derived (<c>let</c>) value.</summary>
    Let,

    /// <summary>A <c>{placeholder}</c> in the message.</summary>
    Message,
}

/// <summary>Rule files that put one expression at one <see cref="AttackSite"/>, always in a literal block scalar so that any text fits.</summary>
internal static class AttackPacks
{
    public const string MessagePrefix = "Budget {";

    public static string At(AttackSite site, string expression, string subject = "profile in CareProfiles") => site switch
    {
        AttackSite.Clause => $$"""
            pack: attack
            version: 1.0.0
            rules:
              - id: A-1
                title: Attack
                for: {{subject}}
                require:
                  check: |-
                    {{expression}}
            """,
        AttackSite.When => $$"""
            pack: attack
            version: 1.0.0
            rules:
              - id: A-1
                title: Attack
                for: {{subject}}
                when: |-
                  {{expression}}
                require:
                  check: true
            """,
        AttackSite.Let => $$"""
            pack: attack
            version: 1.0.0
            let:
              - for: {{(subject == "design" ? "profile in CareProfiles" : subject)}}
                values:
                  evil: |-
                    {{expression}}
            rules:
              - id: A-1
                title: Attack
                for: profile in CareProfiles
                require:
                  check: evil == evil
            """,
        AttackSite.Message => $$"""
            pack: attack
            version: 1.0.0
            rules:
              - id: A-1
                title: Attack
                for: {{subject}}
                require:
                  check: false
                message: |-
                  {{MessagePrefix}}{{expression}}} end
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(site)),
    };

    /// <summary>Line and column of the expression's first character in <see cref="At"/>.</summary>
    public static (int Line, int Column) Start(AttackSite site) => site switch
    {
        AttackSite.Clause => (9, 9),
        AttackSite.When => (8, 7),
        AttackSite.Let => (7, 9),
        AttackSite.Message => (10, 7 + MessagePrefix.Length),
        _ => throw new ArgumentOutOfRangeException(nameof(site)),
    };

    public static LoadResult<RuleSet> Load(string yaml, RuleLimits? limits = null) =>
        RuleSet.Load([new RuleSource("attack.yaml", yaml)], limits);
}
