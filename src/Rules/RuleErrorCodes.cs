namespace Procurement.Rules;

/// <summary>Stable codes of the errors the rule loader adds to the YAML ones in <see cref="Model.LoadErrorCodes"/>.</summary>
public static class RuleErrorCodes
{
    /// <summary>An expression that does not parse or does not type-check against the model.</summary>
    public const string InvalidExpression = "invalid-expression";

    /// <summary>An expression that uses something outside the allow-list (reflection, object creation, clocks, IO, ...).</summary>
    public const string RejectedExpression = "rejected-expression";

    /// <summary>An expression over the size, nesting or quantifier limits.</summary>
    public const string ExpressionTooComplex = "expression-too-complex";

    /// <summary>Derived <c>let</c> values that depend on each other in a cycle.</summary>
    public const string LetCycle = "let-cycle";

    /// <summary>A <c>for</c> that does not name a known subject collection.</summary>
    public const string UnknownSubject = "unknown-subject";

    /// <summary>An <c>extends</c> or override that names a pack or rule that is not loaded.</summary>
    public const string UnknownTarget = "unknown-target";

    /// <summary>A parameter override for a parameter the pack does not define, or of another type.</summary>
    public const string UnknownParameter = "unknown-parameter";

    /// <summary>A message placeholder that is not a valid expression.</summary>
    public const string InvalidPlaceholder = "invalid-placeholder";

    /// <summary>A rule directory without rule files (<c>*.yaml</c>, <c>*.yml</c>): loading it would check nothing.</summary>
    public const string NoRules = "no-rules";

    /// <summary>A path in a rule-test file that is absolute, or that <c>..</c> or a symbolic link leads out of the rules folder.</summary>
    public const string PathOutsideFolder = "path-outside-folder";

    /// <summary>A path in a rule-test file that names a directory, device, pipe or socket instead of a regular file.</summary>
    public const string NotARegularFile = "not-a-regular-file";

    /// <summary>A waiver (geaccepteerde afwijking) that names a rule the rule set does not have.</summary>
    public const string UnknownRule = "unknown-rule";
}
