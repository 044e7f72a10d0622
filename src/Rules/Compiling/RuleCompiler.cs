using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Procurement.Rules.Loading;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// Turns effective rules into typed delegates: parse with Dynamic LINQ against the model types, vet with the
/// allow-list, inline derived <c>let</c> values, compile once. Every problem becomes a positioned load error.
/// </summary>
internal sealed partial class RuleCompiler
{
    private const int MaxClauses = SubjectScan.MaxClauses;

    /// <summary>How rule expressions are parsed: only the model's public types are known by name.</summary>
    internal static readonly ParsingConfig Config = CreateConfig();

    private readonly List<LoadError> _errors;
    private readonly RuleLimits _limits;
    private readonly Dictionary<(LetGroupDto Group, IReadOnlyDictionary<string, object> Parameters), LetScope?> _letCache = [];
    private readonly HashSet<LetGroupDto> _reportedLetGroups = [];
    private int _expressions;

    public RuleCompiler(List<LoadError> errors, RuleLimits? limits = null)
    {
        _errors = errors;
        _limits = limits ?? RuleLimits.Default;
    }

    public ICompiledRule? Compile(EffectiveRule rule)
    {
        if (rule.Rule.For is not { } subject)
        {
            return null;
        }

        var match = ForPattern().Match(subject.Value);
        var variable = match.Success ? match.Groups["var"].Value : subject.Value.Trim();
        var collection = match.Success ? match.Groups["collection"].Value : subject.Value.Trim();
        var kind = SubjectKind.Find(collection);
        if (kind is null || (!match.Success && kind != SubjectKind.Design))
        {
            var known = string.Join(", ", SubjectKind.All.Select(k => k.Collection));
            _errors.Add(new LoadError(RuleErrorCodes.UnknownSubject,
                $"'for: {subject.Value}' is not a subject; write 'for: design' or 'for: <name> in <collection>' with one of: {known}.",
                rule.Pack.File, subject.Line, subject.Column));
            return null;
        }

        if (kind == SubjectKind.Design)
        {
            variable = "design";
        }
        else if (variable is "design" or "asOf" || rule.Parameters.ContainsKey(variable))
        {
            _errors.Add(new LoadError(RuleErrorCodes.UnknownSubject, $"The subject cannot be called '{variable}': that name is taken.", rule.Pack.File, subject.Line, subject.Column));
            return null;
        }

        return kind.Compile(this, rule, variable);
    }

    internal ICompiledRule? Compile<T>(SubjectKind<T> kind, EffectiveRule rule, string variable)
        where T : class
    {
        var errorsBefore = _errors.Count;
        var isDesign = kind.Type == typeof(TenderDesign);
        var subject = Expression.Parameter(typeof(T), variable);
        var design = Expression.Parameter(typeof(TenderDesign), isDesign ? "__design" : "design");
        var asOf = Expression.Parameter(typeof(DateOnly), "asOf");
        ParameterExpression[] parameters = [subject, design, asOf];
        // Not visible to expressions: only the guards added after vetting read it.
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellation");
        ParameterExpression[] compiled = [subject, design, asOf, cancellation];

        // What evaluation runs: cancellation checks and checked arithmetic added, quantifiers over lists made loops.
        Expression ForEvaluation(Expression body) => QuantifierLoops.Apply(EvaluationGuards.Apply(body, cancellation, rule.Rule.Id.Value));

        var externals = new Dictionary<string, object>(rule.Parameters, StringComparer.Ordinal);
        var replacements = new Dictionary<ParameterExpression, Expression>();
        foreach (var group in rule.Lets)
        {
            if (LetScopeFor(group, rule.Parameters, rule.Pack) is { } scope && scope.Collection == kind.Collection)
            {
                foreach (var (name, body) in scope.Values)
                {
                    externals[name] = body;
                }

                replacements[scope.Subject] = subject;
                replacements[scope.Design] = isDesign ? subject : design;
                replacements[scope.AsOf] = asOf;
            }
        }

        Expression? whenBody = null;
        if (rule.Rule.When is { } whenSource && Parse(whenSource, whenSource.Text, 0, parameters, typeof(bool), externals) is { } whenLambda)
        {
            whenBody = ParameterReplacer.Replace(whenLambda.Body, replacements);
        }

        var clauseBodies = new List<Expression>();
        var clauses = new List<CompiledClause<T>>();
        foreach (var clause in rule.Rule.Require)
        {
            if (Parse(clause.Expression, clause.Expression.Text, 0, parameters, typeof(bool), externals) is not { } lambda)
            {
                continue;
            }

            var body = ParameterReplacer.Replace(lambda.Body, replacements);
            // The members the clause read, then the parameters it used (compiled in as constants, so shown by name).
            var values = MemberChains.Collect(body, parameters)
                .Select(chain => new ValueReader<T>(MemberChains.Render(chain, subject, design), Ignoring(MemberChains.Reader<T>(chain, parameters))))
                .Concat(ExpressionText.Identifiers(clause.Expression.Text)
                    .Select(t => clause.Expression.Text.Substring(t.Start, t.Length))
                    .Where(rule.Parameters.ContainsKey)
                    .Distinct(StringComparer.Ordinal)
                    .Select(name => new ValueReader<T>(name, ConstantReader<T>(rule.Parameters[name]))))
                .ToArray();
            var guarded = ForEvaluation(body);
            clauseBodies.Add(guarded);
            clauses.Add(new CompiledClause<T>(clause.Name.Value, clause.Expression.Text, Interpret<T, bool>(guarded, compiled), values));
        }

        if (clauses.Count > MaxClauses)
        {
            _errors.Add(new LoadError(RuleErrorCodes.ExpressionTooComplex, $"Rule '{rule.Rule.Id.Value}' has {clauses.Count} clauses; the limit is {MaxClauses}.", rule.Pack.File, rule.Rule.Location.Line, rule.Rule.Location.Column));
        }

        var message = CompileMessage<T>(rule, compiled, externals, replacements);
        if (_errors.Count > errorsBefore)
        {
            return null;
        }

        var info = new RuleInfo
        {
            Id = rule.Rule.Id.Value,
            Title = rule.Rule.Title ?? rule.Rule.Id.Value,
            Pack = rule.Pack.Name.Value,
            Severity = rule.Severity,
            Subject = kind.Collection,
            SubjectVariable = variable,
            When = rule.Rule.When?.Text,
            Clauses = rule.Rule.Require.Select(c => new KeyValuePair<string, string>(c.Name.Value, c.Expression.Text)).ToArray(),
            Message = rule.Rule.Message?.Text,
            Reference = rule.Rule.Reference,
            ReasonCode = rule.Rule.Reason,
            Effective = rule.Effective,
            Enabled = rule.Enabled,
            Location = rule.Rule.Location,
            SeveritySetBy = rule.SeveritySetBy,
            DisabledBy = rule.DisabledBy,
            Parameters = rule.Parameters,
            WhenIsAlwaysFalse = whenBody is not null && IsConstantFalse(whenBody, parameters),
        };
        var guardedWhen = whenBody is null ? null : ForEvaluation(whenBody);
        var when = guardedWhen is null ? null : Interpret<T, bool>(guardedWhen, compiled);
        return new CompiledRule<T>(info, kind, new SubjectScan.Source(guardedWhen, clauseBodies, compiled), when, [.. clauses], message, rule.SeveritySetBy);
    }

    private MessageTemplate<T> CompileMessage<T>(EffectiveRule rule, ParameterExpression[] compiled, Dictionary<string, object> externals, Dictionary<ParameterExpression, Expression> replacements)
        where T : class
    {
        ParameterExpression[] parameters = compiled[..^1];
        var parts = new List<object>();
        if (rule.Rule.Message is not { } source)
        {
            parts.Add(rule.Rule.Title ?? rule.Rule.Id.Value);
            return new MessageTemplate<T>(parts);
        }

        var text = source.Text;
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                Error(source, i, RuleErrorCodes.InvalidPlaceholder, "A '{' in the message has no closing '}'; write '{{' for a literal brace.");
                break;
            }

            parts.Add(literal.ToString());
            literal.Clear();
            var inner = text[(i + 1)..end];
            if (Parse(source, inner, i + 1, parameters, null, externals, RuleErrorCodes.InvalidPlaceholder) is { } lambda)
            {
                var guarded = EvaluationGuards.Apply(ParameterReplacer.Replace(lambda.Body, replacements), compiled[^1], rule.Rule.Id.Value);
                var body = Expression.Convert(QuantifierLoops.ApplyForDisplay(guarded, ValueFormatter.ShownItems), typeof(object));
                var reader = new Lazy<Func<T, TenderDesign, DateOnly, CancellationToken, object?>>(
                    () => Expression.Lambda<Func<T, TenderDesign, DateOnly, CancellationToken, object?>>(body, compiled).Compile(), LazyThreadSafetyMode.ExecutionAndPublication);
                parts.Add(new ValueReader<T>(inner, (s, d, a, c) => reader.Value(s, d, a, c)));
            }

            i = end;
        }

        parts.Add(literal.ToString());
        return new MessageTemplate<T>(parts);
    }

    // A 'when' that reads no subject, design or date is a constant; the linter reports one that is always false. Only a
    // 'when' of constants and operators is worked out at load, where no evaluation budget applies: a call (a format, a
    // text function) could take any time or memory, so such a 'when' is left to evaluation.
    private static bool IsConstantFalse(Expression when, ParameterExpression[] parameters)
    {
        if (MemberChains.Uses(when, parameters) || CallFinder.HasCall(when))
        {
            return false;
        }

        try
        {
            return !Expression.Lambda<Func<bool>>(when).Compile(preferInterpretation: true)();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    private sealed class CallFinder : ExpressionVisitor
    {
        private bool _found;

        public static bool HasCall(Expression expression)
        {
            var finder = new CallFinder();
            finder.Visit(expression);
            return finder._found;
        }

        public override Expression? Visit(Expression? node)
        {
            _found |= node is MethodCallExpression or InvocationExpression or LambdaExpression
                || node is BinaryExpression { Method: not null } || node is UnaryExpression { Method: not null };
            return _found ? node : base.Visit(node);
        }
    }

    private static Func<T, TenderDesign, DateOnly, CancellationToken, object?> ConstantReader<T>(object value) => (_, _, _, _) => value;

    // Member chains hold no quantifier or arithmetic: they need no guard, so no token either.
    private static Func<T, TenderDesign, DateOnly, CancellationToken, object?> Ignoring<T>(Func<T, TenderDesign, DateOnly, object?> reader) =>
        (subject, design, asOf, _) => reader(subject, design, asOf);

    // Delegates that run only to find which clause threw are interpreted: far cheaper to build than compiled ones, and
    // their speed does not matter. The subject scan is compiled at load; messages and values on first failure.
    // The last parameter is the cancellation token the guards read.
    private static Func<T, TenderDesign, DateOnly, CancellationToken, TResult> Interpret<T, TResult>(Expression body, ParameterExpression[] compiled) =>
        Expression.Lambda<Func<T, TenderDesign, DateOnly, CancellationToken, TResult>>(body.Type == typeof(TResult) ? body : Expression.Convert(body, typeof(TResult)), compiled)
            .Compile(preferInterpretation: true);

    private LetScope? LetScopeFor(LetGroupDto group, IReadOnlyDictionary<string, object> parameters, PackDto pack)
    {
        if (_letCache.TryGetValue((group, parameters), out var cached))
        {
            return cached;
        }

        var scope = CompileLets(group, parameters, pack);
        _letCache[(group, parameters)] = scope;
        return scope;
    }

    private LetScope? CompileLets(LetGroupDto group, IReadOnlyDictionary<string, object> parameters, PackDto pack)
    {
        var report = _reportedLetGroups.Add(group);
        var errors = report ? _errors : [];
        var match = ForPattern().Match(group.For.Value);
        var kind = match.Success ? SubjectKind.Find(match.Groups["collection"].Value) : null;
        if (kind is null || kind == SubjectKind.Design)
        {
            errors.Add(new LoadError(RuleErrorCodes.UnknownSubject, $"'for: {group.For.Value}' is not a subject collection for derived values.", pack.File, group.For.Line, group.For.Column));
            return null;
        }

        var subject = Expression.Parameter(kind.Type, match.Groups["var"].Value);
        var design = Expression.Parameter(typeof(TenderDesign), "design");
        var asOf = Expression.Parameter(typeof(DateOnly), "asOf");
        var order = LetOrder(group, pack.File, errors);
        if (order is null)
        {
            return null;
        }

        var externals = new Dictionary<string, object>(parameters, StringComparer.Ordinal);
        var values = new List<(string, Expression)>();
        var saved = _errors.Count;
        foreach (var let in order)
        {
            var lambda = ParseInto(errors, let.Expression, let.Expression.Text, 0, [subject, design, asOf], null, externals, RuleErrorCodes.InvalidExpression);
            if (lambda is null)
            {
                return null;
            }

            externals[let.Name.Value] = lambda.Body;
            values.Add((let.Name.Value, lambda.Body));
        }

        return _errors.Count > saved ? null : new LetScope(kind.Collection, subject, design, asOf, values);
    }

    // Orders let values so each comes after those it uses; a cycle is an error that names it.
    private static List<NamedExpression>? LetOrder(LetGroupDto group, string file, List<LoadError> errors)
    {
        var byName = group.Values.ToDictionary(v => v.Name.Value, StringComparer.Ordinal);
        var uses = group.Values.ToDictionary(
            v => v.Name.Value,
            v => ExpressionText.Identifiers(v.Expression.Text).Select(t => v.Expression.Text.Substring(t.Start, t.Length)).Where(byName.ContainsKey).Distinct().ToList(),
            StringComparer.Ordinal);
        var order = new List<NamedExpression>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var value in group.Values)
        {
            if (!Visit(value.Name.Value))
            {
                return null;
            }
        }

        return order;

        bool Visit(string name)
        {
            switch (state.GetValueOrDefault(name))
            {
                case 2:
                    return true;
                case 1:
                    var cycle = path.Skip(path.IndexOf(name)).Append(name).ToList();
                    var first = byName[cycle[0]].Name;
                    errors.Add(new LoadError(RuleErrorCodes.LetCycle, $"Derived values depend on each other in a cycle: {string.Join(" -> ", cycle)}.", file, first.Line, first.Column));
                    return false;
            }

            state[name] = 1;
            path.Add(name);
            foreach (var used in uses[name])
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

    private LambdaExpression? Parse(ExpressionSource source, string text, int offset, ParameterExpression[] parameters, Type? resultType, Dictionary<string, object> externals, string code = RuleErrorCodes.InvalidExpression) =>
        ParseInto(_errors, source, text, offset, parameters, resultType, externals, code);

    private LambdaExpression? ParseInto(List<LoadError> errors, ExpressionSource source, string text, int offset, ParameterExpression[] parameters, Type? resultType, Dictionary<string, object> externals, string code)
    {
        // Every parse counts, reported or not: the budget bounds the work of a load, not just its errors.
        if (++_expressions > _limits.MaxExpressions)
        {
            if (_expressions == _limits.MaxExpressions + 1)
            {
                // Into the load's own errors even for a let group already reported: the load must fail, not lose rules.
                Add(_errors, source, offset, LoadErrorCodes.LimitExceeded,
                    $"The rule files hold more than {_limits.MaxExpressions:N0} expressions (limit MaxExpressions).");
            }

            return null;
        }

        if (ExpressionText.CheckShape(text, _limits) is { } shape)
        {
            Add(errors, source, offset + shape.Index, RuleErrorCodes.ExpressionTooComplex, $"The expression is too complex: {shape.Reason}.");
            return null;
        }

        var newAt = ExpressionText.FindIdentifier(text, "new");
        if (newAt >= 0)
        {
            Add(errors, source, offset + newAt, RuleErrorCodes.RejectedExpression, "'new' is not allowed: rules may not create objects.");
            return null;
        }

        LambdaExpression lambda;
        try
        {
            lambda = DynamicExpressionParser.ParseLambda(Config, parameters, resultType, text, externals);
        }
        catch (ParseException ex)
        {
            Add(errors, source, offset + ex.Position, code, $"{ex.Message.TrimEnd('.')}{Near(text, ex.Position)}.");
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The parser is third-party code fed hostile text: whatever it throws is this expression's load error,
            // never a crash of the loading thread (which would end the process).
            Add(errors, source, offset, code, $"The expression cannot be compiled: {ex.Message}");
            return null;
        }

        // Before anything walks the tree: derived values used twice over make it grow with the power of their chain.
        var size = ExpressionSize.Of(lambda.Body);
        if (size > _limits.MaxExpressionNodes)
        {
            var at = ExpressionText.Identifiers(text).Select(t => (t.Start, Name: text.Substring(t.Start, t.Length)))
                .FirstOrDefault(t => externals.TryGetValue(t.Name, out var value) && value is Expression).Start;
            Add(errors, source, offset + at, RuleErrorCodes.ExpressionTooComplex,
                $"The expression is too complex: {(size == long.MaxValue ? "more than 9 quintillion" : size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} nodes once the derived values it uses are written out, over {_limits.MaxExpressionNodes:N0} (limit MaxExpressionNodes).");
            return null;
        }

        Rejection? rejection;
        try
        {
            rejection = ExpressionVetter.Vet(lambda.Body, _limits.MaxQuantifierDepth);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An expression the vetter cannot walk is not vetted, so it is refused.
            Add(errors, source, offset, RuleErrorCodes.RejectedExpression, $"The expression cannot be checked against the allow-list: {ex.Message}");
            return null;
        }

        if (rejection is not null)
        {
            var at = ExpressionText.FindIdentifier(text, rejection.Token);
            Add(errors, source, offset + Math.Max(0, at), rejection.Code, $"'{rejection.Token}' is not allowed: {rejection.Reason}.");
            return null;
        }

        return lambda;
    }

    private void Error(ExpressionSource source, int index, string code, string message) => Add(_errors, source, index, code, message);

    private static void Add(List<LoadError> errors, ExpressionSource source, int index, string code, string message)
    {
        var (line, column) = source.Locate(index);
        errors.Add(new LoadError(code, message, source.File, line, column));
    }

    private static string Near(string text, int position)
    {
        if (position < 0 || position >= text.Length)
        {
            return string.Empty;
        }

        var token = new string(text.Skip(position).TakeWhile(c => !char.IsWhiteSpace(c)).Take(24).ToArray());
        return token.Length == 0 ? string.Empty : $" (at '{token}')";
    }

    private static ParsingConfig CreateConfig()
    {
        var config = new ParsingConfig
        {
            AllowNewToEvaluateAnyType = false,
            ResolveTypesBySimpleName = false,
            DisableMemberAccessToIndexAccessorFallback = true,
            EvaluateGroupByAtDatabase = false,
            PrioritizePropertyOrFieldOverTheType = true,
        };
        config.CustomTypeProvider = new ModelTypeProvider(config);
        return config;
    }

    [GeneratedRegex(@"^\s*(?<var>[A-Za-z][A-Za-z0-9_]*)\s+in\s+(?<collection>[A-Za-z]+)\s*$")]
    private static partial Regex ForPattern();

    private sealed record LetScope(string Collection, ParameterExpression Subject, ParameterExpression Design, ParameterExpression AsOf, List<(string Name, Expression Body)> Values);

    /// <summary>Only the public model types are known to expressions by name (for enum values such as <c>CareCategory.Heavy</c>).</summary>
    private sealed class ModelTypeProvider(ParsingConfig config) : DefaultDynamicLinqCustomTypeProvider(config, [], false)
    {
        private static readonly HashSet<Type> ModelTypes = [.. typeof(TenderDesign).Assembly.GetExportedTypes().Where(t => !t.IsAbstract || t.IsSealed || t == typeof(ContractParty))];

        public override HashSet<Type> GetCustomTypes() => ModelTypes;
    }
}

internal abstract partial class SubjectKind
{
    public abstract ICompiledRule? Compile(RuleCompiler compiler, EffectiveRule rule, string variable);
}

internal sealed partial class SubjectKind<T>
{
    public override ICompiledRule? Compile(RuleCompiler compiler, EffectiveRule rule, string variable) => compiler.Compile(this, rule, variable);
}
