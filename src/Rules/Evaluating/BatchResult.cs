namespace Procurement.Rules.Evaluating;

/// <summary>What one evaluation of a batch found, per rule in batch order.</summary>
internal sealed class BatchResult(int rules)
{
    /// <summary>Subjects for which the rule's <c>when</c> held.</summary>
    public int[] Applied { get; } = new int[rules];

    /// <summary>Subjects that failed the rule (or for which it could not be evaluated).</summary>
    public int[] Failed { get; } = new int[rules];

    /// <summary>The rule's findings in subject order, or null when it has none.</summary>
    public List<Finding>?[] Findings { get; } = new List<Finding>?[rules];

    public void Add(int rule, Finding finding) => (Findings[rule] ??= []).Add(finding);
}
