using Procurement.Rules.Model;

namespace Procurement.Rules.DependencyInjection;

/// <summary>Holds the current compiled rule set and replaces it atomically when the rule files change.</summary>
public interface IRuleSetProvider
{
    /// <summary>The working rule set. Take it once per evaluation: a reload never changes a set already taken.</summary>
    RuleSet Current { get; }

    /// <summary>Errors of the last load attempt that was rejected; empty when the last attempt succeeded.</summary>
    IReadOnlyList<LoadError> LastErrors { get; }

    /// <summary>Raised after a new rule set has replaced the old one.</summary>
    event EventHandler<RuleSet>? Reloaded;

    /// <summary>Loads the rule files again now; on success swaps the set and returns true, on errors keeps the old one.</summary>
    bool Reload();

    /// <summary>Evaluates <paramref name="design"/> with the current set and the configured defaults.</summary>
    EvaluationReport Evaluate(TenderDesign design, CancellationToken cancellationToken = default);
}
