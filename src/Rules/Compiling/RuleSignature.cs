using System.Linq.Expressions;
using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>
/// The parameters of a rule's expressions: the subject, the design and the reference date that expressions see, and the
/// cancellation token only the guards added after vetting read.
/// </summary>
internal sealed class RuleSignature
{
    public RuleSignature(Type subjectType, string variable)
    {
        var isDesign = subjectType == typeof(TenderDesign);
        Subject = Expression.Parameter(subjectType, variable);
        Design = Expression.Parameter(typeof(TenderDesign), isDesign ? "__design" : "design");
        AsOf = Expression.Parameter(typeof(DateOnly), "asOf");
        Cancellation = Expression.Parameter(typeof(CancellationToken), "cancellation");
        Visible = [Subject, Design, AsOf];
        Compiled = [Subject, Design, AsOf, Cancellation];
    }

    public ParameterExpression Subject { get; }

    public ParameterExpression Design { get; }

    public ParameterExpression AsOf { get; }

    public ParameterExpression Cancellation { get; }

    /// <summary>What expressions may name: subject, design, asOf.</summary>
    public ParameterExpression[] Visible { get; }

    /// <summary>The parameters of the compiled delegates: the visible ones and the cancellation token.</summary>
    public ParameterExpression[] Compiled { get; }

    /// <summary>Whether the subject is the design itself (then <c>design</c> in a derived value is the subject).</summary>
    public bool IsDesign => Subject.Type == typeof(TenderDesign);
}
