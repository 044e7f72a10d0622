namespace Procurement.Rules;

/// <summary>Whether a waiver still waives on the reference date.</summary>
public enum WaiverState
{
    /// <summary>Valid on the reference date (geldig): the finding it matches is waived.</summary>
    Active = 0,

    /// <summary>Past its expiry date (verlopen): the finding it matches is open again and says which waiver expired.</summary>
    Expired = 1,
}
