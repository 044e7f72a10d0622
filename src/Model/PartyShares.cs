using System.Runtime.InteropServices;

namespace Procurement.Rules.Model;

/// <summary>The party that delivers the most care profiles of a category, and the one with the most budget, with their shares.</summary>
internal sealed class PartyShares
{
    private PartyShares(ContractParty? profileParty, decimal profileShare, ContractParty? budgetParty, decimal budgetShare)
    {
        ProfileParty = profileParty;
        ProfileShare = profileShare;
        BudgetParty = budgetParty;
        BudgetShare = budgetShare;
    }

    /// <summary>No profiles: no party, shares 0.</summary>
    public static PartyShares None { get; } = new(null, 0m, null, 0m);

    public ContractParty? ProfileParty { get; }

    public decimal ProfileShare { get; }

    public ContractParty? BudgetParty { get; }

    public decimal BudgetShare { get; }

    /// <summary>
    /// Counts the profiles and adds up the budgets per delivering party; a profile without one counts in the totals only.
    /// On a tie the party that delivers a profile first in file order wins.
    /// </summary>
    public static PartyShares Of(IReadOnlyList<CareProfile> profiles)
    {
        var order = new List<ContractParty>();
        var counts = new Dictionary<ContractParty, (int Profiles, decimal Budget)>();
        var totalBudget = 0m;
        foreach (var profile in profiles)
        {
            totalBudget += profile.Budget;
            if (profile.DeliveringParty is not { } party)
            {
                continue;
            }

            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, party, out var seen);
            if (!seen)
            {
                order.Add(party);
            }

            sums = (sums.Profiles + 1, sums.Budget + profile.Budget);
        }

        ContractParty? profileParty = null, budgetParty = null;
        foreach (var party in order)
        {
            var sums = counts[party];
            if (profileParty is null || sums.Profiles > counts[profileParty].Profiles)
            {
                profileParty = party;
            }

            if (budgetParty is null || sums.Budget > counts[budgetParty].Budget)
            {
                budgetParty = party;
            }
        }

        return new PartyShares(
            profileParty,
            profileParty is null ? 0m : (decimal)counts[profileParty].Profiles / profiles.Count,
            budgetParty,
            budgetParty is null || totalBudget == 0m ? 0m : counts[budgetParty].Budget / totalBudget);
    }
}
