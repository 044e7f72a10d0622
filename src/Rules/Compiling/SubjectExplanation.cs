using Procurement.Rules.Model;

namespace Procurement.Rules.Compiling;

/// <summary>How one rule went for one subject: whether 'when' held, and each clause's outcome with the values it read.</summary>
internal sealed record SubjectExplanation(string Subject, SourceLocation Location, bool WhenHeld, IReadOnlyList<ClauseOutcome> Clauses, string? Error);

/// <summary>One clause for one subject: held, failed, or threw (<see cref="Holds"/> null, with <see cref="Error"/>).</summary>
internal sealed record ClauseOutcome(string Name, string Expression, bool? Holds, IReadOnlyList<FindingValue> Values, string? Error);
