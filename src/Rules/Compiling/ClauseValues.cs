using System.Linq.Expressions;
using Procurement.Rules.Loading.Syntax;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The values a finding shows for a clause: the members the clause reads, then the parameters it names (compiled in as
/// constants, so shown by name).
/// </summary>
internal static class ClauseValues
{
    public static ValueReader<T>[] For<T>(Expression body, ClauseSyntax clause, RuleSignature signature, IReadOnlyDictionary<string, object> parameters)
        where T : class =>
        MemberChains.Collect(body, signature.Visible)
            .Select(chain => new ValueReader<T>(MemberChains.Render(chain, signature.Subject, signature.Design), Ignoring(MemberChains.Reader<T>(chain, signature.Visible))))
            .Concat(clause.Expression.Names
                .Where(parameters.ContainsKey)
                .Select(name => new ValueReader<T>(name, Constant<T>(parameters[name]))))
            .ToArray();

    private static Func<T, TenderDesign, DateOnly, CancellationToken, object?> Constant<T>(object value) => (_, _, _, _) => value;

    // Member chains hold no quantifier or arithmetic: they need no guard, so no token either.
    private static Func<T, TenderDesign, DateOnly, CancellationToken, object?> Ignoring<T>(Func<T, TenderDesign, DateOnly, object?> reader) =>
        (subject, design, asOf, _) => reader(subject, design, asOf);
}
