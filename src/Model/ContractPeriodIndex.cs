namespace Procurement.Rules.Model;

/// <summary>
/// Contracts in a fixed order, grouped by the municipalities they name, answering "the next contract in that order
/// that names a municipality, runs in a period and belongs to another party" in O(log² n): what pairwise scans over
/// contracts (overlap, rival parties, a provider's contract on a date) would otherwise ask n times of n contracts.
/// </summary>
internal sealed class ContractPeriodIndex
{
    private readonly Contract[] _contracts;
    private readonly Dictionary<int, int> _groupOfMunicipality = [];
    private readonly Dictionary<ContractParty, int> _partyKeys = new(ReferenceEqualityComparer.Instance);
    private readonly int[] _groupStart;
    private readonly int[] _entryPosition;
    private readonly PeriodTree _tree;

    /// <param name="contracts">The contracts, in the order answers come in (usually file order).</param>
    public ContractPeriodIndex(IReadOnlyList<Contract> contracts)
    {
        _contracts = [.. contracts];

        // Count the entries of each municipality, then lay the groups out one after the other, each in contract order.
        var counts = new List<int>();
        foreach (var contract in _contracts)
        {
            _partyKeys.TryAdd(contract.Party, _partyKeys.Count);
            foreach (var municipality in contract.Municipalities)
            {
                if (!_groupOfMunicipality.TryGetValue(municipality.Index, out var group))
                {
                    _groupOfMunicipality.Add(municipality.Index, group = counts.Count);
                    counts.Add(0);
                }

                counts[group]++;
            }
        }

        _groupStart = new int[counts.Count + 1];
        for (var g = 0; g < counts.Count; g++)
        {
            _groupStart[g + 1] = _groupStart[g] + counts[g];
        }

        var entries = _groupStart[^1];
        _entryPosition = new int[entries];
        var from = new int[entries];
        var until = new int[entries];
        var party = new int[entries];
        var next = _groupStart[..^1];
        for (var position = 0; position < _contracts.Length; position++)
        {
            var contract = _contracts[position];
            foreach (var municipality in contract.Municipalities)
            {
                var entry = next[_groupOfMunicipality[municipality.Index]]++;
                _entryPosition[entry] = position;
                from[entry] = contract.Period.From.DayNumber;
                until[entry] = PeriodTree.EndDay(contract.Period.Until);
                party[entry] = _partyKeys[contract.Party];
            }
        }

        _tree = new PeriodTree(from, until, party);
    }

    /// <summary>An index of no contracts.</summary>
    public static ContractPeriodIndex Empty { get; } = new([]);

    /// <summary>Number of contracts indexed.</summary>
    public int Count => _contracts.Length;

    /// <summary>The contract at <paramref name="position"/> in the order given.</summary>
    public Contract this[int position] => _contracts[position];

    /// <summary>
    /// The position of the first contract after <paramref name="after"/> that names <paramref name="municipality"/>,
    /// whose period overlaps <c>[from, until]</c> (day numbers) and whose party is not <paramref name="excludedParty"/>
    /// (<see langword="null"/>: any party); -1 when there is none.
    /// </summary>
    public int Next(Municipality municipality, int after, int from, int until, ContractParty? excludedParty)
    {
        if (!_groupOfMunicipality.TryGetValue(municipality.Index, out var group))
        {
            return -1;
        }

        int start = _groupStart[group], end = _groupStart[group + 1];

        // Entries of a group are in contract order: skip those at or before 'after'.
        var low = start + SortedSearch.CountAtMost(_entryPosition.AsSpan(start, end - start), after);
        var entry = _tree.First(low, end, from, until, PartyKey(excludedParty));
        return entry < 0 ? -1 : _entryPosition[entry];
    }

    /// <summary>
    /// The contracts other than <paramref name="contract"/> that share a municipality with it and whose period overlaps
    /// its period, in the order given; with <paramref name="otherPartiesOnly"/>, only those of another party. Lazy:
    /// asking whether there is any costs O(m log² n) for the m municipalities of the contract.
    /// </summary>
    public IEnumerable<Contract> Overlapping(Contract contract, bool otherPartiesOnly)
    {
        var from = contract.Period.From.DayNumber;
        var until = PeriodTree.EndDay(contract.Period.Until);
        var excluded = otherPartiesOnly ? contract.Party : null;
        var municipalities = contract.Municipalities;
        var after = -1;
        while (true)
        {
            var first = int.MaxValue;
            for (var i = 0; i < municipalities.Count; i++)
            {
                var position = Next(municipalities[i], after, from, until, excluded);
                if (position >= 0 && position < first)
                {
                    first = position;
                }
            }

            if (first == int.MaxValue)
            {
                yield break;
            }

            after = first;
            if (!ReferenceEquals(_contracts[first], contract))
            {
                yield return _contracts[first];
            }
        }
    }

    private int PartyKey(ContractParty? party) =>
        party is not null && _partyKeys.TryGetValue(party, out var key) ? key : -1;
}
