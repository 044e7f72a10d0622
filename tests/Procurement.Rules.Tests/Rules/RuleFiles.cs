using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Rules;

/// <summary>Helpers to load small inline rule packs.</summary>
internal static class RuleFiles
{
    /// <summary>Column where <see cref="WithClause"/> puts the first character of the expression (line 8).</summary>
    public const int ClauseColumn = 14;

    public const int ClauseLine = 8;

    /// <summary>A one-rule pack over care profiles whose single clause is <paramref name="expression"/>, on line 8 from column 14.</summary>
    public static string WithClause(string expression, string subject = "profile in CareProfiles") => $"""
        pack: test
        version: 1.0.0
        rules:
          - id: T-1
            title: Test rule
            for: {subject}
            require:
              check: {expression}
        """;

    public static LoadResult<RuleSet> Load(params string[] files) =>
        RuleSet.Load(files.Select((yaml, i) => new RuleSource($"rules{i}.yaml", yaml)));

    public static RuleSet LoadOrThrow(params string[] files) => Load(files).GetValueOrThrow();
}
