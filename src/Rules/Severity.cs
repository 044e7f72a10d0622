namespace Procurement.Rules;

/// <summary>How serious a finding is (ernst); ordered so that a higher value is more serious.</summary>
public enum Severity
{
    /// <summary>For information only (ter informatie).</summary>
    Info = 0,

    /// <summary>Should be looked at before the tender goes out (waarschuwing).</summary>
    Warning = 1,

    /// <summary>Must be fixed before the tender goes out (fout).</summary>
    Error = 2,
}
