namespace Procurement.Rules.Model;

/// <summary>
/// The outcome of an ended care profile (uitkomst), in the terms of the national outcome indicators for youth care:
/// goal achievement (doelrealisatie), ending early (uitval) and the client's satisfaction (cliënttevredenheid).
/// </summary>
public sealed class ProfileOutcome
{
    internal ProfileOutcome(CareProfile profile, DateOnly ended, GoalAchievement goal, bool endedEarly, decimal? satisfaction, SourceLocation location)
    {
        Profile = profile;
        Ended = ended;
        Goal = goal;
        EndedEarly = endedEarly;
        Satisfaction = satisfaction;
        Location = location;
    }

    /// <summary>The care profile (zorgprofiel).</summary>
    public CareProfile Profile { get; }

    /// <summary>The day the profile ended (einddatum).</summary>
    public DateOnly Ended { get; }

    /// <summary>How far the profile's goals were reached (doelrealisatie).</summary>
    public GoalAchievement Goal { get; }

    /// <summary>Whether the care ended before it was planned to, without agreement (voortijdig beëindigd, uitval).</summary>
    public bool EndedEarly { get; }

    /// <summary>The client's mark for the care, 1 to 10 (cliënttevredenheid), if asked.</summary>
    public decimal? Satisfaction { get; }

    /// <summary>Where the outcome's row or item is in its file.</summary>
    public SourceLocation Location { get; }
}
