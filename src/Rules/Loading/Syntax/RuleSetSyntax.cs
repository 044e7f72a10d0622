using System.Collections.Immutable;

namespace Procurement.Rules.Loading.Syntax;

/// <summary>
/// The immutable syntax tree of one load: every rule file as written and every rule after layering, built once from the
/// read and flattened definitions. The compiler and the linter read it; nothing changes it.
/// </summary>
internal sealed class RuleSetSyntax
{
    private readonly ImmutableDictionary<PackSyntax, ImmutableArray<PackSyntax>> _chains;

    private RuleSetSyntax(ImmutableArray<PackSyntax> packs, ImmutableArray<LayeredRule> rules, ImmutableDictionary<PackSyntax, ImmutableArray<PackSyntax>> chains)
    {
        Packs = packs;
        Rules = rules;
        _chains = chains;
    }

    /// <summary>The files in load order.</summary>
    public ImmutableArray<PackSyntax> Packs { get; }

    /// <summary>The rules after layering, ordered by id.</summary>
    public ImmutableArray<LayeredRule> Rules { get; }

    /// <summary>The chain of <paramref name="pack"/>: every pack it extends and itself, root first.</summary>
    public ImmutableArray<PackSyntax> Chain(PackSyntax pack) => _chains[pack];

    /// <summary>
    /// Builds the tree of <paramref name="packs"/> and <paramref name="rules"/> (their flattened rules): each file, rule and
    /// let group once, shared by every layered rule that sees it.
    /// </summary>
    public static RuleSetSyntax Build(IReadOnlyList<PackDto> packs, IReadOnlyList<EffectiveRule> rules)
    {
        var ruleNodes = new Dictionary<RuleDto, RuleSyntax>(ReferenceEqualityComparer.Instance);
        var letNodes = new Dictionary<LetGroupDto, LetGroupSyntax>(ReferenceEqualityComparer.Instance);
        var packNodes = new Dictionary<PackDto, PackSyntax>(ReferenceEqualityComparer.Instance);
        foreach (var pack in packs)
        {
            if (!packNodes.ContainsKey(pack))
            {
                packNodes[pack] = PackOf(pack, ruleNodes, letNodes);
            }
        }

        var byName = packs.GroupBy(p => p.Name.Value).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var written = PackFlattener.Chains(packs, byName, errors: null);
        var chains = packNodes.ToImmutableDictionary(p => p.Value, p => written[p.Key].Select(c => packNodes[c]).ToImmutableArray());
        var layered = rules.Select(r => new LayeredRule(
                ruleNodes[r.Rule],
                packNodes[r.Pack],
                r,
                [.. r.Lets.Select(l => letNodes[l])]))
            .ToImmutableArray();
        return new RuleSetSyntax([.. packs.Select(p => packNodes[p])], layered, chains);
    }

    private static PackSyntax PackOf(PackDto pack, Dictionary<RuleDto, RuleSyntax> ruleNodes, Dictionary<LetGroupDto, LetGroupSyntax> letNodes)
    {
        foreach (var rule in pack.Rules)
        {
            ruleNodes[rule] = new RuleSyntax(rule);
        }

        foreach (var group in pack.Lets)
        {
            letNodes[group] = new LetGroupSyntax(
                SubjectSyntax.Parse(group.For),
                [.. group.Values.Select(v => new LetSyntax(v.Name, new ExpressionSyntax(v.Expression)))],
                pack.File);
        }

        return new PackSyntax(
            pack.Name,
            pack.File,
            pack.Extends,
            [.. pack.Parameters.Select(p => new ParameterSyntax(p.Name, p.Value, p.Location, p.Span))],
            [.. pack.Lets.Select(l => letNodes[l])],
            [.. pack.Rules.Select(r => ruleNodes[r])]);
    }
}
