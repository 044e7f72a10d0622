using Procurement.Rules.Loading;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>A rule's subject once bound: the collection it ranges over and the name of one item in its expressions.</summary>
internal sealed record BoundSubject(SubjectKind Kind, string Variable);

/// <summary>Binds a <c>for:</c> to a subject collection of the model, for a rule and for a group of derived values.</summary>
internal static class SubjectBinding
{
    /// <summary>
    /// The subject of a rule: <c>design</c>, or an item of a known collection under a name that no parameter,
    /// <c>design</c> or <c>asOf</c> takes.
    /// </summary>
    public static Diagnosed<BoundSubject> BindRule(SubjectSyntax subject, IReadOnlyDictionary<string, object> parameters, string file)
    {
        var kind = SubjectKind.Find(subject.Collection);
        var at = subject.Written;
        if (kind is null || (!subject.IsRange && kind != SubjectKind.Design))
        {
            var known = string.Join(", ", SubjectKind.All.Select(k => k.Collection));
            return Pass.Failed<BoundSubject>(new LoadError(RuleErrorCodes.UnknownSubject,
                $"'for: {at.Value}' is not a subject; write 'for: design' or 'for: <name> in <collection>' with one of: {known}.",
                file, at.Span));
        }

        if (kind == SubjectKind.Design)
        {
            return Pass.Ok<BoundSubject>(new BoundSubject(kind, "design"));
        }

        var variable = subject.Variable!;
        return variable is "design" or "asOf" || parameters.ContainsKey(variable)
            ? Pass.Failed<BoundSubject>(new LoadError(RuleErrorCodes.UnknownSubject, $"The subject cannot be called '{variable}': that name is taken.", file, at.Span))
            : Pass.Ok<BoundSubject>(new BoundSubject(kind, variable));
    }

    /// <summary>The subject of a let group: always <c>&lt;name&gt; in &lt;collection&gt;</c>, never the design.</summary>
    public static Diagnosed<BoundSubject> BindLets(LetGroupSyntax group)
    {
        var kind = group.For.IsRange ? SubjectKind.Find(group.For.Collection) : null;
        if (kind is null || kind == SubjectKind.Design)
        {
            var at = group.For.Written;
            return Pass.Failed<BoundSubject>(new LoadError(RuleErrorCodes.UnknownSubject, $"'for: {at.Value}' is not a subject collection for derived values.", group.File, at.Span));
        }

        return Pass.Ok<BoundSubject>(new BoundSubject(kind, group.For.Variable!));
    }
}
