using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The member paths a subject scan reads more than once (<c>profile.Lot.Light.Limits</c> in three clauses, a derived
/// value inlined into several rules, <c>profile.Start</c> inside a quantifier's loop), each loaded once into a local,
/// as a hand-written check would keep them in variables. Only plain data is shared: fields and auto-properties of the
/// model, which the loader sets and evaluation never changes, so reading them earlier or once changes nothing.
/// </summary>
/// <remarks>
/// A path is loaded null-safely (a missing link leaves the rest null or default), and every use of a path whose parent
/// is missing throws the <see cref="NullReferenceException"/> the original read would have thrown, at the same place:
/// the same findings, the same evaluation errors. Reads inside a lambda the scan still calls (a quantifier that is not
/// made a loop) are left alone, so that no local is captured in a closure.
/// </remarks>
internal sealed class SharedReads
{
    private static readonly ConstructorInfo NullReference = typeof(NullReferenceException).GetConstructor(Type.EmptyTypes)!;

    private readonly ParameterExpression _root;
    private readonly Dictionary<string, SharedPath> _paths = new(StringComparer.Ordinal);

    // The paths in load order: parents first.
    private readonly List<SharedPath> _order = [];

    private SharedReads(ParameterExpression root) => _root = root;

    /// <summary>The locals the loads assign, to be declared around the scan.</summary>
    public IEnumerable<ParameterExpression> Variables => _order.Select(p => p.Variable);

    /// <summary>The paths rooted at <paramref name="root"/> that <paramref name="parts"/> read twice or more.</summary>
    public static SharedReads Find(ParameterExpression root, IEnumerable<Expression> parts)
    {
        var counter = new Counter(root);
        foreach (var part in parts)
        {
            counter.Visit(part);
        }

        var shared = new SharedReads(root);
        foreach (var (key, read) in counter.Paths.Where(p => p.Value.Count > 1).Select(p => (p.Key, p.Value.Read)).OrderBy(p => p.Key.Length))
        {
            // Shorter paths first: a path's parent, read at least as often, has its local already.
            var parent = read.Expression == root ? null : shared._paths[Key(read.Expression!)].Variable;
            var path = new SharedPath(Expression.Variable(read.Type, "shared" + shared._order.Count), parent, read);
            shared._paths[key] = path;
            shared._order.Add(path);
        }

        return shared;
    }

    /// <summary>Assigns every local, parents first; a missing parent leaves its children null or default.</summary>
    public Expression Load()
    {
        var loads = new List<Expression>();
        foreach (var (variable, parent, read) in _order)
        {
            var value = Expression.MakeMemberAccess(parent ?? (Expression)_root, read.Member);
            loads.Add(Expression.Assign(variable, parent is null ? value : Expression.Condition(IsNull(parent), Expression.Default(value.Type), value)));
        }

        return loads.Count == 0 ? Expression.Empty() : Expression.Block(loads);
    }

    /// <summary><paramref name="part"/> with every shared path read from its local.</summary>
    public Expression Rewrite(Expression part) => _paths.Count == 0 ? part : new Rewriter(this).Visit(part)!;

    private static Expression IsNull(ParameterExpression variable) => Expression.ReferenceEqual(variable, Expression.Constant(null, variable.Type));

    // A read of plain data of the model: a field, or a property whose getter the compiler wrote, of a model class.
    private static bool IsPlainData(MemberExpression read) =>
        read.Expression is { Type.IsValueType: false } && read.Member.DeclaringType?.Assembly == typeof(Model.TenderDesign).Assembly
        && read.Member switch
        {
            FieldInfo { IsStatic: false } => true,
            PropertyInfo { GetMethod: { IsStatic: false } getter } property => property.GetIndexParameters().Length == 0 && getter.IsDefined(typeof(CompilerGeneratedAttribute)),
            _ => false,
        };

    // A path's identity: its members from the root, e.g. "Lot/Light/Limits".
    private static string Key(Expression path) =>
        path is MemberExpression read ? $"{Key(read.Expression!)}/{read.Member.DeclaringType!.FullName}.{read.Member.Name}" : string.Empty;

    private static bool IsPath(Expression expression, ParameterExpression root) =>
        expression == root || (expression is MemberExpression read && IsPlainData(read) && IsPath(read.Expression!, root));

    private sealed record SharedPath(ParameterExpression Variable, ParameterExpression? Parent, MemberExpression Read);

    private sealed class Counter(ParameterExpression root) : ExpressionVisitor
    {
        public Dictionary<string, (MemberExpression Read, int Count)> Paths { get; } = new(StringComparer.Ordinal);

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is { } parent && IsPlainData(node) && IsPath(parent, root))
            {
                // The path and each of its prefixes are read once more.
                for (Expression path = node; path is MemberExpression read; path = read.Expression!)
                {
                    var key = Key(read);
                    Paths[key] = (read, Paths.TryGetValue(key, out var seen) ? seen.Count + 1 : 1);
                }

                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitLambda<TDelegate>(Expression<TDelegate> node) => node;
    }

    private sealed class Rewriter(SharedReads reads) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (!reads._paths.TryGetValue(Key(node), out var path) || !IsPath(node, reads._root))
            {
                return base.VisitMember(node);
            }

            // The original read of a missing parent's member throws; so does this one.
            return path.Parent is not { } parent
                ? path.Variable
                : Expression.Condition(
                    IsNull(parent),
                    Expression.Throw(Expression.New(NullReference), path.Variable.Type),
                    path.Variable);
        }

        protected override Expression VisitLambda<TDelegate>(Expression<TDelegate> node) => node;
    }
}
