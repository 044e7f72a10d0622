using System.Linq.Expressions;
using System.Reflection;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The allow-list every parsed rule expression must pass before it is compiled. Anything not named here is rejected:
/// reflection, object creation, delegates, static members (clocks, IO, environment, threads) and methods that can
/// allocate without bound. The rejection names the offending member so the loader can point at it in the file.
/// </summary>
internal sealed class ExpressionVetter : ExpressionVisitor
{
    private static readonly Assembly ModelAssembly = typeof(TenderDesign).Assembly;

    private static readonly HashSet<string> EnumerableMethods =
        ["Any", "All", "Count", "Sum", "Min", "Max", "Contains", "Where", "Select", "Average", "First", "FirstOrDefault", "Distinct"];

    private static readonly HashSet<string> MathMethods = ["Min", "Max", "Abs", "Round", "Floor", "Ceiling"];

    private static readonly HashSet<string> StringMethods =
        ["Equals", "StartsWith", "EndsWith", "Contains", "CompareTo", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Compare", "Concat", "ToString", "GetHashCode"];

    private static readonly HashSet<string> DateMethods = ["AddDays", "AddMonths", "AddYears", "CompareTo", "Equals", "ToString", "op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual"];

    private static readonly HashSet<string> DateMembers = ["Year", "Month", "Day", "DayOfWeek", "DayNumber", "DayOfYear"];

    private readonly int _maxQuantifierDepth;
    private int _lambdaDepth;

    private ExpressionVetter(int maxQuantifierDepth) => _maxQuantifierDepth = maxQuantifierDepth;

    /// <summary>What was rejected first, or null when the expression is allowed.</summary>
    public Rejection? Rejected { get; private set; }

    public static Rejection? Vet(Expression expression, int maxQuantifierDepth)
    {
        var vetter = new ExpressionVetter(maxQuantifierDepth);
        vetter.Visit(expression);
        return vetter.Rejected;
    }

    public override Expression? Visit(Expression? node)
    {
        if (Rejected is not null || node is null)
        {
            return node;
        }

        // A rejection returns the node unchanged: returning null would make the base visitor rebuild the parent
        // with a null child, which throws instead of reporting.
        if (node.NodeType is not (ExpressionType.Lambda or ExpressionType.Quote) && IsDangerousType(node.Type))
        {
            return Reject(node.Type.Name, $"values of type {node.Type.Name} are not allowed in rules", RuleErrorCodes.RejectedExpression) ?? node;
        }

        switch (node.NodeType)
        {
            case ExpressionType.New:
                // Dynamic LINQ writes a constructor call as TypeName(arguments): point at the type name.
                return Reject(node.Type.Name, "rules may not create objects", RuleErrorCodes.RejectedExpression) ?? node;
            case ExpressionType.NewArrayBounds:
            case ExpressionType.MemberInit:
            case ExpressionType.ListInit:
                return Reject("new", "rules may not create objects", RuleErrorCodes.RejectedExpression) ?? node;
            case ExpressionType.Invoke:
                return Reject("Invoke", "rules may not call delegates", RuleErrorCodes.RejectedExpression) ?? node;
            case ExpressionType.Block:
            case ExpressionType.Loop:
            case ExpressionType.Goto:
            case ExpressionType.Label:
            case ExpressionType.Try:
            case ExpressionType.Throw:
            case ExpressionType.Assign:
            case ExpressionType.Dynamic:
            case ExpressionType.Extension:
            case ExpressionType.RuntimeVariables:
            case ExpressionType.Index:
                return Reject(node.NodeType.ToString(), $"{node.NodeType} expressions are not allowed in rules", RuleErrorCodes.RejectedExpression) ?? node;
        }

        return base.Visit(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _lambdaDepth++;
        if (_lambdaDepth > _maxQuantifierDepth)
        {
            _lambdaDepth--;
            return Reject("=>", $"quantifiers (Any, All, Count, ...) are nested more than {_maxQuantifierDepth} deep; the cost would grow with the power of the collection size", RuleErrorCodes.ExpressionTooComplex) ?? node;
        }

        var result = base.VisitLambda(node);
        _lambdaDepth--;
        return result;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        var type = node.Value?.GetType() ?? node.Type;
        if (node.Value is not null && !IsValueType(type))
        {
            return Reject(type.Name, $"constants of type {type.Name} are not allowed in rules", RuleErrorCodes.RejectedExpression) ?? node;
        }

        return node;
    }

    // Members and methods are checked after what they are called on, so the innermost offence is reported:
    // in DateTime.Now.Year the culprit is Now, not Year.
    protected override Expression VisitMember(MemberExpression node)
    {
        var visited = base.VisitMember(node);
        if (Rejected is not null)
        {
            return visited;
        }

        var member = node.Member;
        var declaring = member.DeclaringType!;
        var isStatic = node.Expression is null;
        var allowed = !isStatic && (declaring.Assembly == ModelAssembly
            || (declaring == typeof(string) && member.Name == "Length")
            || (declaring == typeof(DateOnly) && DateMembers.Contains(member.Name))
            || (IsNullable(declaring) && member.Name is "HasValue" or "Value")
            || (IsCollection(declaring) && member.Name == "Count"));
        if (!allowed)
        {
            return Reject(member.Name, isStatic
                ? $"static member {declaring.Name}.{member.Name} is not allowed in rules (time comes from asOf, not from a clock)"
                : $"member {declaring.Name}.{member.Name} is not on the allow-list", RuleErrorCodes.RejectedExpression) ?? node;
        }

        return visited;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = base.VisitMethodCall(node);
        if (Rejected is not null)
        {
            return visited;
        }

        var method = node.Method;
        var declaring = method.DeclaringType!;
        var allowed =
            (declaring.Assembly == ModelAssembly && !method.IsStatic && method.IsPublic && method.Name != "GetType")
            || (declaring == typeof(Enumerable) && EnumerableMethods.Contains(method.Name))
            || (declaring == typeof(Math) && MathMethods.Contains(method.Name))
            || (declaring == typeof(string) && StringMethods.Contains(method.Name))
            || (declaring == typeof(DateOnly) && DateMethods.Contains(method.Name))
            || (declaring == typeof(decimal) && method.Name.StartsWith("op_", StringComparison.Ordinal))
            || (IsNullable(declaring) && method.Name is "GetValueOrDefault" or "get_Value" or "get_HasValue")
            || (IsCollection(declaring) && method.Name is "Contains" or "get_Item" or "get_Count")
            || (declaring == typeof(object) && method.Name is "Equals" or "ToString")
            || (declaring.IsEnum && method.Name is "Equals" or "ToString" or "CompareTo")
            || (declaring.IsPrimitive && method.Name is "Equals" or "CompareTo" or "ToString");
        if (!allowed)
        {
            return Reject(method.Name, $"method {declaring.Name}.{method.Name} is not on the allow-list", RuleErrorCodes.RejectedExpression) ?? node;
        }

        if (GrowsWithTheDesign(method))
        {
            return Reject(method.Name, $"{declaring.Name}.{method.Name} over a collection makes a text that grows with the design; show the list itself, which a message shows with at most {ValueFormatter.ShownItems} items", RuleErrorCodes.RejectedExpression) ?? node;
        }

        if (method.Name == "ToString" && UnboundedFormat(node) is { } reason)
        {
            return Reject(method.Name, reason, RuleErrorCodes.RejectedExpression) ?? node;
        }

        return visited;
    }

    /// <summary>The longest format a rule may give <c>ToString</c>, and the largest precision or width in it.</summary>
    internal const int MaxFormatLength = 32;

    internal const int MaxFormatPrecision = 30;

    // string.Concat over a sequence: its result is as long as the collection it reads.
    private static bool GrowsWithTheDesign(MethodInfo method) =>
        method.DeclaringType == typeof(string) && method.Name == "Concat"
        && method.GetParameters() is [{ ParameterType: var type }] && type != typeof(string) && type != typeof(object)
        && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    // A format's output is bounded by its length, except for a precision ("D999999999"), which pads to that many digits:
    // only constant formats, of bounded length, with small precisions.
    private static string? UnboundedFormat(MethodCallExpression call)
    {
        var format = call.Arguments.FirstOrDefault(a => a.Type == typeof(string));
        if (format is null)
        {
            return null;
        }

        if (format is not ConstantExpression { Value: var value })
        {
            return "a format for ToString must be written in the rule as a text in quotes";
        }

        if (value is not string text)
        {
            return null;
        }

        if (text.Length > MaxFormatLength)
        {
            return $"a format for ToString may have at most {MaxFormatLength} characters";
        }

        // A standard format: a letter and a precision, e.g. N2 or D6.
        if (text.Length > 1 && char.IsAsciiLetter(text[0]) && text.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0
            && (text.Length > 3 || int.Parse(text.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) > MaxFormatPrecision))
        {
            return $"the precision in format '{text}' is larger than {MaxFormatPrecision}";
        }

        return null;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs
            && !IsValueType(node.Type) && node.Type != typeof(object) && !IsModelType(node.Type) && !IsCollection(node.Type))
        {
            return Reject(node.Type.Name, $"conversion to {node.Type.Name} is not allowed in rules", RuleErrorCodes.RejectedExpression) ?? node;
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        if (!IsModelType(node.TypeOperand) && !IsValueType(node.TypeOperand))
        {
            return Reject(node.TypeOperand.Name, $"type tests against {node.TypeOperand.Name} are not allowed in rules", RuleErrorCodes.RejectedExpression) ?? node;
        }

        return base.VisitTypeBinary(node);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        // Dynamic LINQ builds small literal arrays for params arguments; anything sized at run time is rejected above.
        if (node.NodeType == ExpressionType.NewArrayInit && node.Expressions.Count <= 16)
        {
            return base.VisitNewArray(node);
        }

        return Reject("new", "rules may not create arrays", RuleErrorCodes.RejectedExpression) ?? node;
    }

    private Expression? Reject(string token, string reason, string code)
    {
        Rejected ??= new Rejection(token, reason, code);
        return null;
    }

    private static bool IsModelType(Type type) => type.Assembly == ModelAssembly;

    private static bool IsNullable(Type type) => Nullable.GetUnderlyingType(type) is not null;

    private static bool IsCollection(Type type) =>
        type.IsGenericType && type.GetGenericArguments().All(a => IsModelType(a) || IsValueType(a))
        && (type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(IReadOnlyCollection<>) || d == typeof(IEnumerable<>) || d == typeof(ICollection<>) || d == typeof(IList<>) || d == typeof(List<>)));

    private static bool IsValueType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateOnly) || underlying == typeof(Period);
    }

    private static bool IsDangerousType(Type type) =>
        typeof(Type).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type)
        || typeof(Delegate).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type) || typeof(AppDomain).IsAssignableFrom(type)
        || type == typeof(IntPtr) || type == typeof(UIntPtr) || type.IsPointer;
}

/// <summary>Why an expression was rejected, and the token to point at.</summary>
internal sealed record Rejection(string Token, string Reason, string Code);
