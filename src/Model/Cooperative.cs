namespace Procurement.Rules.Model;

/// <summary>Cooperative (coöperatie) of member providers that contracts as one party, such as JenS.</summary>
public sealed class Cooperative : ContractParty
{
    // The region as a set: a contract names many municipalities and a region may hold many.
    private HashSet<Municipality> _region = [];
    private Dictionary<string, Holders>? _holders;
    private object? _holdersLock;

    internal Cooperative(string id, string name, SourceLocation location)
        : base(id, name, location)
    {
    }

    /// <inheritdoc/>
    public override bool IsCooperative => true;

    /// <summary>Member providers (leden) through which the cooperative delivers care.</summary>
    public IReadOnlyList<Provider> Members { get; internal set; } = [];

    /// <summary>Municipalities that form the cooperative's region (werkgebied); empty when it has no fixed region.</summary>
    public IReadOnlyList<Municipality> Region
    {
        get;
        internal set
        {
            field = value;
            _region = [.. value];
        }
    } = [];

    /// <summary>Whether <paramref name="provider"/> is a member of this cooperative.</summary>
    public bool HasMember(Provider? provider) => provider is not null && provider.IsMemberOf(this);

    /// <summary>Whether <paramref name="municipality"/> lies in the cooperative's region; always true when it has none.</summary>
    public bool ServesMunicipality(Municipality? municipality)
    {
        if (municipality is null)
        {
            return false;
        }

        return Region.Count == 0 || _region.Contains(municipality);
    }

    /// <summary>
    /// The members that lack at least one of <paramref name="qualifications"/>, in member order.
    /// </summary>
    /// <remarks>
    /// Looked up, not scanned: the members holding each qualification are indexed once per cooperative, so asking
    /// <c>Any()</c> costs O(q log m) for q qualifications and m members, and each further member listed as much again.
    /// </remarks>
    public IEnumerable<Provider> MembersLacking(IReadOnlyList<string> qualifications)
    {
        ArgumentNullException.ThrowIfNull(qualifications);
        return MembersLackingAny(qualifications);
    }

    private IEnumerable<Provider> MembersLackingAny(IReadOnlyList<string> qualifications)
    {
        var holders = LazyInitializer.EnsureInitialized(ref _holders, ref _holdersLock, IndexHolders);
        var members = Members;
        var next = 0;
        while (next < members.Count)
        {
            // The first member from 'next' on that lacks some qualification: for each, the first one not among its holders.
            var first = members.Count;
            for (var i = 0; i < qualifications.Count && first > next; i++)
            {
                first = Math.Min(first, holders.TryGetValue(qualifications[i], out var held) ? held.FirstNotHolding(next) : next);
            }

            if (first >= members.Count)
            {
                yield break;
            }

            yield return members[first];
            next = first + 1;
        }
    }

    private Dictionary<string, Holders> IndexHolders()
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var m = 0; m < Members.Count; m++)
        {
            foreach (var qualification in Members[m].Qualifications.Distinct(StringComparer.Ordinal))
            {
                if (!positions.TryGetValue(qualification, out var list))
                {
                    positions.Add(qualification, list = []);
                }

                list.Add(m);
            }
        }

        return positions.ToDictionary(p => p.Key, p => new Holders([.. p.Value]), StringComparer.Ordinal);
    }

    /// <summary>Ascending member positions holding one qualification, with where each run of consecutive positions ends.</summary>
    private sealed class Holders
    {
        private readonly int[] _positions;
        private readonly int[] _runEnd;

        public Holders(int[] positions)
        {
            _positions = positions;
            _runEnd = new int[positions.Length];
            for (var k = positions.Length - 1; k >= 0; k--)
            {
                _runEnd[k] = k + 1 < positions.Length && positions[k + 1] == positions[k] + 1 ? _runEnd[k + 1] : positions[k];
            }
        }

        /// <summary>The first position from <paramref name="start"/> on that does not hold the qualification.</summary>
        public int FirstNotHolding(int start)
        {
            var k = Array.BinarySearch(_positions, start);
            return k < 0 ? start : _runEnd[k] + 1;
        }
    }
}
