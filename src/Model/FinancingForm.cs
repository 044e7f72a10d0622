namespace Procurement.Rules.Model;

/// <summary>How care is paid for (bekostigingsvorm; iJw execution variant).</summary>
public enum FinancingForm
{
    /// <summary>Effort-based (inspanningsgericht): paid per unit of time.</summary>
    EffortBased,

    /// <summary>Output-based (outputgericht): paid per product or trajectory.</summary>
    OutputBased,

    /// <summary>Task-oriented (taakgericht), usually a lump sum for a task.</summary>
    TaskOriented,
}
