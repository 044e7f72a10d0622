using System.Collections.Immutable;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading.Syntax;

/// <summary>A derived value (<c>let</c>) as written: its name and expression.</summary>
internal sealed class LetSyntax(Located<string> name, ExpressionSyntax expression)
{
    public Located<string> Name { get; } = name;

    public ExpressionSyntax Expression { get; } = expression;
}

/// <summary>Derived values that depend on each other in a cycle: the names around it, and where the first is defined.</summary>
internal sealed class LetCycle(ImmutableArray<string> names, Located<string> at)
{
    /// <summary>The names around the cycle, the first repeated at the end.</summary>
    public ImmutableArray<string> Names { get; } = names;

    public Located<string> At { get; } = at;
}

/// <summary>
/// A group of derived values over one subject collection, as written in file <see cref="File"/>, with the values put in
/// dependency order once, when the tree is built: each comes after the values it uses.
/// </summary>
internal sealed class LetGroupSyntax
{
    public LetGroupSyntax(SubjectSyntax subject, ImmutableArray<LetSyntax> values, string file)
    {
        For = subject;
        Values = values;
        File = file;
        (Ordered, Cycle) = Order(values);
    }

    public SubjectSyntax For { get; }

    /// <summary>The values in file order.</summary>
    public ImmutableArray<LetSyntax> Values { get; }

    /// <summary>The file that defines the group.</summary>
    public string File { get; }

    /// <summary>The values in dependency order; empty when they depend on each other in a <see cref="Cycle"/>.</summary>
    public ImmutableArray<LetSyntax> Ordered { get; }

    /// <summary>The first cycle found among the values, or null when there is none.</summary>
    public LetCycle? Cycle { get; }

    // A depth-first walk in file order: a value is placed after those it uses; meeting a value on the path is a cycle.
    private static (ImmutableArray<LetSyntax>, LetCycle?) Order(ImmutableArray<LetSyntax> values)
    {
        var byName = new Dictionary<string, LetSyntax>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            byName.TryAdd(value.Name.Value, value);
        }

        var order = ImmutableArray.CreateBuilder<LetSyntax>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        LetCycle? cycle = null;
        foreach (var value in values)
        {
            if (!Visit(value.Name.Value))
            {
                return ([], cycle);
            }
        }

        return (order.ToImmutable(), null);

        bool Visit(string name)
        {
            switch (state.GetValueOrDefault(name))
            {
                case 2:
                    return true;
                case 1:
                    ImmutableArray<string> names = [.. path.Skip(path.IndexOf(name)), name];
                    cycle = new LetCycle(names, byName[names[0]].Name);
                    return false;
            }

            state[name] = 1;
            path.Add(name);
            foreach (var used in byName[name].Expression.Names.Where(byName.ContainsKey))
            {
                if (!Visit(used))
                {
                    return false;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            order.Add(byName[name]);
            return true;
        }
    }
}
