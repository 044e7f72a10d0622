namespace Procurement.Rules.Model;

/// <summary>How a category is bought (inkoopvorm).</summary>
public enum ProcurementForm
{
    /// <summary>Open house (bestuurlijk aanbesteden): any provider meeting the conditions may join, no cap.</summary>
    OpenHouse,

    /// <summary>Selective tender (selectieve aanbesteding) with a maximum number of providers.</summary>
    SelectiveTender,

    /// <summary>Lump sum (lumpsum): one partner receives a fixed budget for a task.</summary>
    LumpSum,

    /// <summary>In-house (inbesteden): the municipality or region delivers the care itself.</summary>
    InHouse,
}
