using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading;

/// <summary>A rule after layering: its severity, enabled flag, effective period and parameters, each with where it was set.</summary>
internal sealed record EffectiveRule(
    RuleDto Rule,
    PackDto Pack,
    Severity Severity,
    SourceLocation SeveritySetBy,
    bool Enabled,
    SourceLocation? DisabledBy,
    Period? Effective,
    IReadOnlyDictionary<string, object> Parameters,
    IReadOnlyList<LetGroupDto> Lets,
    IReadOnlyDictionary<string, SourceLocation> ParametersSetBy);

/// <summary>
/// Flattens packs and the files that extend them into one list of effective rules. An extending file may override
/// its base packs' parameters, and per rule id the severity, enabled flag, effective dates and parameters.
/// Later files win; each change keeps the position of the file that made it.
/// </summary>
internal static class PackFlattener
{
    /// <summary>The effective rules of <paramref name="packs"/>, ordered by id, and the errors of layering them in the order found.</summary>
    public static Diagnosed<List<EffectiveRule>> Flatten(IReadOnlyList<PackDto> packs)
    {
        var errors = new List<LoadError>();
        var byName = new Dictionary<string, PackDto>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            if (!byName.TryAdd(pack.Name.Value, pack))
            {
                Error(errors, pack.File, pack.Name, LoadErrorCodes.DuplicateId, $"Pack '{pack.Name.Value}' is loaded twice (first from {byName[pack.Name.Value].File}).");
            }
        }

        var chains = Chains(packs, byName, errors);
        var setBy = new Dictionary<PackDto, IReadOnlyDictionary<string, SourceLocation>>();
        var rules = Defined(packs, chains, VisibleParameters(packs, chains, errors, setBy), setBy, errors);
        foreach (var pack in packs)
        {
            foreach (var item in pack.Overrides)
            {
                Override(rules, pack, chains[pack], item, errors);
            }
        }

        return new([.. rules.Values.OrderBy(r => r.Rule.Id.Value, StringComparer.Ordinal)], errors);
    }

    // Parameters: every pack's own, then overridden by the files that extend it, in load order. An override file (a pack
    // that extends another and defines no rules of its own) may only set parameters its base packs define.
    // Where each visible value was set goes into setBy, per pack.
    private static Dictionary<PackDto, IReadOnlyDictionary<string, object>> VisibleParameters(
        IReadOnlyList<PackDto> packs,
        Dictionary<PackDto, List<PackDto>> chains,
        List<LoadError> errors,
        Dictionary<PackDto, IReadOnlyDictionary<string, SourceLocation>> setBy)
    {
        var parameters = packs.Distinct().ToDictionary(p => p, p => p.Parameters.GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
        var locations = packs.Distinct().ToDictionary(p => p, p => p.Parameters.GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.Last().Location, StringComparer.Ordinal));
        foreach (var pack in packs.Where(p => p.Extends is not null))
        {
            foreach (var parameter in pack.Parameters)
            {
                var owner = chains[pack].Take(chains[pack].Count - 1).LastOrDefault(p => parameters[p].ContainsKey(parameter.Name));
                if (owner is not null)
                {
                    parameters[owner][parameter.Name] = parameter.Value;
                    parameters[pack].Remove(parameter.Name);
                    locations[owner][parameter.Name] = parameter.Location;
                    locations[pack].Remove(parameter.Name);
                }
                else if (pack.Rules.Count == 0 && chains[pack].Count > 1)
                {
                    var known = chains[pack].Take(chains[pack].Count - 1).SelectMany(p => p.Parameters.Select(x => x.Name)).ToArray();
                    errors.Add(new LoadError(
                        RuleErrorCodes.UnknownParameter,
                        $"Parameter '{parameter.Name}' is not defined by '{pack.Extends!.Value.Value}' or the packs it extends{Nearest(parameter.Name, known)}",
                        parameter.Location.File,
                        parameter.Span));
                }
            }
        }

        foreach (var pack in packs.Distinct())
        {
            setBy[pack] = chains[pack].SelectMany(c => locations[c]).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        }

        return packs.Distinct().ToDictionary(
            p => p,
            p => (IReadOnlyDictionary<string, object>)chains[p].SelectMany(c => parameters[c]).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
    }

    // The rules as their packs define them, before overrides; a rule id defined twice is reported at the second.
    private static Dictionary<string, EffectiveRule> Defined(
        IReadOnlyList<PackDto> packs,
        Dictionary<PackDto, List<PackDto>> chains,
        Dictionary<PackDto, IReadOnlyDictionary<string, object>> visibleParameters,
        Dictionary<PackDto, IReadOnlyDictionary<string, SourceLocation>> parametersSetBy,
        List<LoadError> errors)
    {
        var rules = new Dictionary<string, EffectiveRule>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            foreach (var rule in pack.Rules)
            {
                if (rules.TryGetValue(rule.Id.Value, out var existing))
                {
                    Error(errors, pack.File, rule.Id, LoadErrorCodes.DuplicateId, $"Rule id '{rule.Id.Value}' is already defined at {existing.Rule.Location}.");
                    continue;
                }

                rules.Add(rule.Id.Value, new EffectiveRule(
                    rule,
                    pack,
                    rule.Severity ?? Severity.Error,
                    rule.Location,
                    rule.Enabled,
                    rule.Enabled ? null : rule.Location,
                    rule.Effective is { } e ? new Period(e.From ?? DateOnly.MinValue, e.Until) : null,
                    visibleParameters[pack],
                    chains[pack].SelectMany(p => p.Lets).ToArray(),
                    parametersSetBy[pack]));
            }
        }

        return rules;
    }

    private static void Override(Dictionary<string, EffectiveRule> rules, PackDto pack, List<PackDto> chain, OverrideDto item, List<LoadError> errors)
    {
        if (!rules.TryGetValue(item.Id.Value, out var target) || !chain.Contains(target.Pack))
        {
            var known = rules.Values.Where(r => chain.Contains(r.Pack)).Select(r => r.Rule.Id.Value).ToArray();
            Error(errors, pack.File, item.Id, RuleErrorCodes.UnknownTarget,
                (target is null
                    ? $"Override names rule '{item.Id.Value}', which no loaded pack defines"
                    : $"Override names rule '{item.Id.Value}' of pack '{target.Pack.Name.Value}', which '{pack.Name.Value}' does not extend")
                + Nearest(item.Id.Value, known));
            return;
        }

        var (parameters, parametersSetBy) = item.Parameters.Count > 0 ? OverriddenParameters(target, item, errors) : (target.Parameters, target.ParametersSetBy);
        rules[item.Id.Value] = target with
        {
            Severity = item.Severity ?? target.Severity,
            SeveritySetBy = item.Severity is null ? target.SeveritySetBy : item.Location,
            Enabled = item.Enabled ?? target.Enabled,
            DisabledBy = item.Enabled is false ? item.Location : item.Enabled is true ? null : target.DisabledBy,
            Effective = item.Effective is { } e ? new Period(e.From ?? DateOnly.MinValue, e.Until) : target.Effective,
            Parameters = parameters,
            ParametersSetBy = parametersSetBy,
        };
    }

    private static (Dictionary<string, object> Values, Dictionary<string, SourceLocation> SetBy) OverriddenParameters(EffectiveRule target, OverrideDto item, List<LoadError> errors)
    {
        var copy = new Dictionary<string, object>(target.Parameters, StringComparer.Ordinal);
        var setBy = new Dictionary<string, SourceLocation>(target.ParametersSetBy, StringComparer.Ordinal);
        foreach (var parameter in item.Parameters)
        {
            if (!copy.TryGetValue(parameter.Name, out var current))
            {
                errors.Add(new LoadError(RuleErrorCodes.UnknownParameter, $"Rule '{item.Id.Value}' has no parameter '{parameter.Name}'{Nearest(parameter.Name, copy.Keys)}", parameter.Location.File, parameter.Span));
                continue;
            }

            if (current.GetType() != parameter.Value.GetType() && !(current is int or decimal && parameter.Value is int or decimal))
            {
                errors.Add(new LoadError(RuleErrorCodes.UnknownParameter, $"Parameter '{parameter.Name}' is a {current.GetType().Name}; the override gives a {parameter.Value.GetType().Name}.", parameter.Location.File, parameter.Span));
                continue;
            }

            copy[parameter.Name] = parameter.Value;
            setBy[parameter.Name] = parameter.Location;
        }

        return (copy, setBy);
    }

    /// <summary>The chain of each pack: every pack it extends and itself, root first. Broken links are reported once.</summary>
    public static Dictionary<PackDto, List<PackDto>> Chains(IReadOnlyList<PackDto> packs, IReadOnlyDictionary<string, PackDto> byName, List<LoadError>? errors)
    {
        var chains = new Dictionary<PackDto, List<PackDto>>();
        foreach (var pack in packs)
        {
            var chain = new List<PackDto> { pack };
            var current = pack;
            while (current.Extends is { } extends)
            {
                if (!byName.TryGetValue(extends.Value, out var parent))
                {
                    if (errors is not null)
                    {
                        Error(errors, current.File, extends, RuleErrorCodes.UnknownTarget, $"Pack '{current.Name.Value}' extends '{extends.Value}', which is not loaded.");
                    }

                    break;
                }

                if (chain.Contains(parent))
                {
                    if (errors is not null)
                    {
                        Error(errors, current.File, extends, RuleErrorCodes.UnknownTarget, $"Packs extend each other in a cycle: {string.Join(" -> ", chain.Select(p => p.Name.Value))} -> {parent.Name.Value}.");
                    }

                    break;
                }

                chain.Add(parent);
                current = parent;
            }

            chain.Reverse();
            chains[pack] = chain;
        }

        return chains;
    }

    // "; did you mean 'a' or 'b'?" for the nearest of the known names; when none is near, the known names themselves
    // (when there are a few), or just the full stop.
    private static string Nearest(string name, IEnumerable<string> known)
    {
        var all = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return NearestNames.Find(name, all) is { Count: > 0 } near ? NearestNames.DidYouMean(near)
            : all.Length is > 0 and <= 8 ? $"; known: {string.Join(", ", all)}."
            : ".";
    }

    private static void Error(List<LoadError> errors, string file, Located<string> at, string code, string message) =>
        errors.Add(new LoadError(code, message, file, at.Span));
}
