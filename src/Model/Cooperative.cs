namespace Procurement.Rules.Model;

/// <summary>Cooperative (coöperatie) of member providers that contracts as one party, such as JenS.</summary>
public sealed class Cooperative : ContractParty
{
    internal Cooperative(string id, string name, SourceLocation location)
        : base(id, name, location)
    {
    }

    /// <inheritdoc/>
    public override bool IsCooperative => true;

    /// <summary>Member providers (leden) through which the cooperative delivers care.</summary>
    public IReadOnlyList<Provider> Members { get; internal set; } = [];

    /// <summary>Municipalities that form the cooperative's region (werkgebied); empty when it has no fixed region.</summary>
    public IReadOnlyList<Municipality> Region { get; internal set; } = [];

    /// <summary>Whether <paramref name="provider"/> is a member of this cooperative.</summary>
    public bool HasMember(Provider? provider) => provider is not null && provider.IsMemberOf(this);

    /// <summary>Whether <paramref name="municipality"/> lies in the cooperative's region; always true when it has none.</summary>
    public bool ServesMunicipality(Municipality? municipality)
    {
        if (municipality is null)
        {
            return false;
        }

        if (Region.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < Region.Count; i++)
        {
            if (ReferenceEquals(Region[i], municipality))
            {
                return true;
            }
        }

        return false;
    }
}
