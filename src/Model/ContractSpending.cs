namespace Procurement.Rules.Model;

/// <summary>What was spent under a contract in one month (besteding per maand), e.g. against a lump sum's budget.</summary>
public sealed class ContractSpending
{
    internal ContractSpending(Contract contract, DateOnly month, decimal amount, SourceLocation location)
    {
        Contract = contract;
        Month = month;
        Amount = amount;
        Location = location;
    }

    /// <summary>The contract (overeenkomst).</summary>
    public Contract Contract { get; }

    /// <summary>The month, as its first day.</summary>
    public DateOnly Month { get; }

    /// <summary>What was spent in the month in euros.</summary>
    public decimal Amount { get; }

    /// <summary>Where the month's row or item is in its file.</summary>
    public SourceLocation Location { get; }
}
