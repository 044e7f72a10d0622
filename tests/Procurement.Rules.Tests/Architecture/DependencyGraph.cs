using Mono.Cecil;

namespace Procurement.Rules.Tests.Architecture;

/// <summary>
/// Which namespaces of one assembly use which, read from its IL: signatures, base types, attributes and every type,
/// method and field a method body names (lambdas and iterators are nested types of their namespace, so they count).
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, HashSet<string>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _examples = [];

    private DependencyGraph()
    {
    }

    /// <summary>The namespaces that have types.</summary>
    public IEnumerable<string> Namespaces => _uses.Keys;

    /// <summary>Reads the assembly that holds <paramref name="type"/>.</summary>
    public static DependencyGraph Of(Type type)
    {
        var graph = new DependencyGraph();
        using var assembly = AssemblyDefinition.ReadAssembly(type.Assembly.Location);
        foreach (var definition in assembly.MainModule.GetTypes())
        {
            var from = NamespaceOf(definition);
            if (from.Length == 0)
            {
                continue; // <Module>, compiler-generated attributes
            }

            graph._uses.TryAdd(from, new HashSet<string>(StringComparer.Ordinal));
            foreach (var used in Referenced(definition))
            {
                graph.Add(from, used, definition);
            }
        }

        return graph;
    }

    /// <summary>The namespaces <paramref name="from"/> uses, itself left out.</summary>
    public IReadOnlySet<string> Uses(string from) => _uses.TryGetValue(from, out var uses) ? uses : new HashSet<string>();

    /// <summary>A type of <paramref name="from"/> that uses <paramref name="to"/>, to name in a failure.</summary>
    public string Example(string from, string to) => _examples.GetValueOrDefault((from, to), "?");

    /// <summary>Every cycle's namespaces (strongly connected components with more than one member), found with Tarjan's algorithm.</summary>
    public List<List<string>> Cycles(Func<string, bool> include)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Uses(node).Where(include))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in Namespaces.Where(include).Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private void Add(string from, TypeReference? used, TypeDefinition where)
    {
        foreach (var to in NamespacesIn(used))
        {
            if (to != from && _uses[from].Add(to))
            {
                _examples[(from, to)] = where.FullName;
            }
        }
    }

    // A nested type (a closure, a state machine) belongs to the namespace of its outermost type.
    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static IEnumerable<string> NamespacesIn(TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var name in NamespacesIn(generic.ElementType).Concat(generic.GenericArguments.SelectMany(NamespacesIn)))
                {
                    yield return name;
                }

                yield break;
            case TypeSpecification specification: // arrays, by-refs, pointers
                foreach (var name in NamespacesIn(specification.ElementType))
                {
                    yield return name;
                }

                yield break;
            default:
                yield return NamespaceOf(type);
                break;
        }
    }

    private static IEnumerable<TypeReference?> Referenced(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var item in type.Interfaces)
        {
            yield return item.InterfaceType;
        }

        foreach (var attribute in type.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (var property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.Methods)
        {
            foreach (var used in Referenced(method))
            {
                yield return used;
            }
        }
    }

    private static IEnumerable<TypeReference?> Referenced(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference used:
                    yield return used;
                    break;
                case MethodReference called:
                    yield return called.DeclaringType;
                    yield return called.ReturnType;
                    foreach (var parameter in called.Parameters)
                    {
                        yield return parameter.ParameterType;
                    }

                    if (called is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            yield return argument;
                        }
                    }

                    break;
                case FieldReference field:
                    yield return field.DeclaringType;
                    yield return field.FieldType;
                    break;
            }
        }
    }
}
