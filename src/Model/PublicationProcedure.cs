namespace Procurement.Rules.Model;

/// <summary>How a contract or category was announced (aankondiging): in Europe, only nationally, or not at all.</summary>
public enum PublicationProcedure
{
    /// <summary>European procedure (Europese aanbesteding): announced in the Official Journal (TED), via TenderNed.</summary>
    European,

    /// <summary>National publication (nationale aankondiging), e.g. on TenderNed only.</summary>
    National,

    /// <summary>Not published (geen aankondiging).</summary>
    None,
}
