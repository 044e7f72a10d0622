namespace Procurement.Rules.Model;

/// <summary>How far an ended profile reached its care goals (doelrealisatie), one of the national outcome indicators.</summary>
public enum GoalAchievement
{
    /// <summary>The goals were reached (volledig behaald).</summary>
    Reached,

    /// <summary>Part of the goals was reached (gedeeltelijk behaald).</summary>
    Partly,

    /// <summary>The goals were not reached (niet behaald).</summary>
    NotReached,
}
