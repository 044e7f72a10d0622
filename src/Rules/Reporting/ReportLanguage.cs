namespace Procurement.Rules.Reporting;

/// <summary>The language of a report's own headings and labels (rapporttaal); the rule messages stay as their authors wrote them.</summary>
public enum ReportLanguage
{
    /// <summary>Dutch (Nederlands), the default: the language of the procurement officers who read the reports.</summary>
    Dutch = 0,

    /// <summary>English.</summary>
    English = 1,
}
