using System.Globalization;
using Procurement.Rules.Comparing;
using Procurement.Rules.Model;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The one vocabulary every report uses: severity names, SARIF levels, the names of finding changes and rule changes,
/// and how a source location is written.
/// </summary>
public static class ReportNames
{
    /// <summary>The severity as reports write it: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>Its name.</returns>
    public static string Severity(Severity severity) => severity switch
    {
        Rules.Severity.Error => "error",
        Rules.Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The SARIF <c>level</c> of a severity: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The SARIF level.</returns>
    public static string SarifLevel(Severity severity) => severity switch
    {
        Rules.Severity.Error => "error",
        Rules.Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The name of a finding's change: <c>new</c>, <c>resolved</c>, <c>changed</c> or <c>unchanged</c>.</summary>
    /// <param name="change">The change.</param>
    /// <returns>Its name.</returns>
    public static string Change(FindingChange change) => change switch
    {
        FindingChange.New => "new",
        FindingChange.Resolved => "resolved",
        FindingChange.Changed => "changed",
        _ => "unchanged",
    };

    /// <summary>The SARIF <c>baselineState</c> of a finding's change: <c>new</c>, <c>absent</c>, <c>updated</c> or <c>unchanged</c>.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The baseline state.</returns>
    public static string BaselineState(FindingChange change) => change switch
    {
        FindingChange.New => "new",
        FindingChange.Resolved => "absent",
        FindingChange.Changed => "updated",
        _ => "unchanged",
    };

    /// <summary>The name of a rule's change: <c>added</c>, <c>removed</c>, <c>changed</c> or <c>unchanged</c>.</summary>
    /// <param name="kind">The kind of change.</param>
    /// <returns>Its name.</returns>
    public static string RuleChange(RuleChangeKind kind) => kind switch
    {
        RuleChangeKind.Added => "added",
        RuleChangeKind.Removed => "removed",
        RuleChangeKind.Changed => "changed",
        _ => "unchanged",
    };

    /// <summary>A location as <c>file:line:column</c>, or an empty string when there is none.</summary>
    /// <param name="location">The location, if known.</param>
    /// <returns>The text.</returns>
    public static string Location(SourceLocation? location) =>
        location is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{location.File}:{location.Line}:{location.Column}");
}
