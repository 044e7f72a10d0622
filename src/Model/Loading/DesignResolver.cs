using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>
/// The one place where a design is linked and validated: ids become object references, every reference is checked,
/// and the lookups rules need (contracts by provider, lot and category; contracts by lot and municipality) are built once.
/// This file checks the ids and references; DesignBuilder.cs builds the model over them.
/// </summary>
internal sealed partial class DesignResolver
{
    private readonly YamlFieldReader _reader;

    private readonly Dictionary<string, MunicipalityDto> _municipalities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LotDto> _lots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProviderDto> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CooperativeDto> _cooperatives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CareProfileDto> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContractDto> _contracts = new(StringComparer.Ordinal);

    private DesignResolver(YamlFieldReader reader) => _reader = reader;

    /// <summary>
    /// Checks the ids and references of <paramref name="read"/>'s records and, when neither reading nor resolving found
    /// an error, builds the design. The errors are the resolver's own, in the order found; they count against the
    /// file's cap of <paramref name="maxErrors"/> after the errors of reading.
    /// </summary>
    public static Diagnosed<TenderDesign> Resolve(Diagnosed<DesignDto> read, string file, int maxErrors)
    {
        var resolver = new DesignResolver(new YamlFieldReader(file, [], maxErrors, read.Errors.Count));
        var dto = read.Value!;
        resolver.IndexIds(dto);
        resolver.CheckReferences(dto);

        // Any error, from reading fields or from resolving, leaves holes the model cannot be built over.
        var errors = resolver._reader.Errors;
        return read.Errors.Count > 0 || errors.Count > 0 || dto.Id is null || dto.Region is null || dto.Period?.From is null
            ? new(null, errors)
            : new(resolver.Build(dto), errors);
    }

    private void IndexIds(DesignDto dto)
    {
        AddIds(dto.Municipalities, m => m.Id, _municipalities, "municipality");
        AddIds(dto.Lots, l => l.Id, _lots, "lot");
        var parties = new Dictionary<string, int>(StringComparer.Ordinal);
        AddIds(dto.Providers, p => p.Id, _providers, "provider", parties);
        AddIds(dto.Cooperatives, c => c.Id, _cooperatives, "provider or cooperative", parties);
        AddIds(dto.Contracts, c => c.Id, _contracts, "contract");
        AddIds(dto.CareProfiles, p => p.Id, _profiles, "care profile", fileOf: p => p.File);
        AddIds(dto.Escalations, e => e.Id, new Dictionary<string, EscalationDto>(StringComparer.Ordinal), "escalation", fileOf: e => e.File);
    }

    private void AddIds<T>(List<T> items, Func<T, Located<string>?> id, Dictionary<string, T> index, string kind, Dictionary<string, int>? shared = null, Func<T, string>? fileOf = null)
    {
        index.EnsureCapacity(index.Count + items.Count);
        foreach (var item in items)
        {
            if (id(item) is not { } located)
            {
                continue;
            }

            if (shared is not null && !shared.TryAdd(located.Value, located.Line))
            {
                _reader.Error(located.Span, LoadErrorCodes.DuplicateId,
                    $"Id '{located.Value}' is used twice; providers and cooperatives share one set of ids (first at line {shared[located.Value]}).");
                continue;
            }

            if (!index.TryAdd(located.Value, item))
            {
                var firstItem = index[located.Value];
                var first = id(firstItem)!.Value;
                var file = fileOf?.Invoke(item) ?? _reader.File;
                var firstFile = fileOf?.Invoke(firstItem) ?? _reader.File;
                var where = firstFile == file ? $"line {first.Line}" : $"{firstFile} line {first.Line}";
                _reader.Error(file, located.Span, LoadErrorCodes.DuplicateId, $"Duplicate {kind} id '{located.Value}' (first defined at {where}).");
            }
        }
    }

    private void CheckReferences(DesignDto dto)
    {
        CheckLots(dto.Lots);
        CheckParties(dto);
        CheckContracts(dto.Contracts);
        CheckProfiles(dto.CareProfiles);
        CheckPeriodData(dto);
        foreach (var escalation in dto.Escalations)
        {
            Check(escalation.Profile, _profiles, "care profile", escalation.File);
            Check(escalation.ToLot, _lots, "lot", escalation.File);
            if (escalation.ExpertTeam is { } team && !string.Equals(team.Value, dto.ExpertTeam?.Id?.Value, StringComparison.Ordinal))
            {
                _reader.Error(escalation.File, team.Span, LoadErrorCodes.DanglingReference, dto.ExpertTeam?.Id is { } own
                    ? $"No expert team with id '{team.Value}' is defined in this design; its expert team is '{own.Value}'."
                    : $"No expert team with id '{team.Value}' is defined in this design; name it under 'expertTeam' at the top of the design.");
            }
        }
    }

    private void CheckLots(List<LotDto> lots)
    {
        foreach (var lot in lots)
        {
            if (lot.Scope == LotScope.Local)
            {
                if (lot.Municipality is null)
                {
                    _reader.Error(lot.Span, LoadErrorCodes.MissingField, $"Local lot '{lot.Id?.Value}' must name the 'municipality' that buys it.");
                }
                else
                {
                    Check(lot.Municipality, _municipalities, "municipality");
                }
            }
            else if (lot.Municipality is { } municipality)
            {
                _reader.Error(municipality.Span, LoadErrorCodes.BadValue,
                    $"Lot '{lot.Id?.Value}' is regional; only a local lot names the municipality that buys it.");
            }

            foreach (var excluded in lot.Excludes)
            {
                Check(excluded, _municipalities, "municipality");
            }
        }
    }

    private void CheckParties(DesignDto dto)
    {
        foreach (var provider in dto.Providers)
        {
            foreach (var subcontractor in provider.Subcontractors)
            {
                CheckProvider(subcontractor, "subcontractor");
            }
        }

        foreach (var cooperative in dto.Cooperatives)
        {
            foreach (var member in cooperative.Members)
            {
                CheckProvider(member, "member");
            }

            foreach (var municipality in cooperative.Region)
            {
                Check(municipality, _municipalities, "municipality");
            }
        }
    }

    private void CheckContracts(List<ContractDto> contracts)
    {
        foreach (var contract in contracts)
        {
            if (contract.Party is { } party && !_providers.ContainsKey(party.Value) && !_cooperatives.ContainsKey(party.Value))
            {
                Dangling(party, "provider or cooperative");
            }

            Check(contract.Lot, _lots, "lot");
            foreach (var municipality in contract.Municipalities)
            {
                Check(municipality, _municipalities, "municipality");
            }
        }

    }

    private void CheckProfiles(List<CareProfileDto> profiles)
    {
        foreach (var profile in profiles)
        {
            var file = profile.File;
            Check(profile.Municipality, _municipalities, "municipality", file);
            Check(profile.Lot, _lots, "lot", file);
            CheckProvider(profile.MainContractor, "main contractor", file);
            CheckProvider(profile.TransferredTo, "provider", file);
            Check(profile.Contract, _contracts, "contract", file);
            Check(profile.ResponsibleMunicipality, _municipalities, "municipality", file);
            foreach (var coProvider in profile.CoProviders)
            {
                CheckProvider(coProvider, "co-provider", file);
            }
        }
    }

    // file: where the reference is written, when not in the design itself (an item of a data file).
    private void CheckProvider(Located<string>? reference, string role, string? file = null)
    {
        if (reference is not { } id || _providers.ContainsKey(id.Value))
        {
            return;
        }

        if (_cooperatives.ContainsKey(id.Value))
        {
            _reader.Error(file ?? _reader.File, id.Span, LoadErrorCodes.DanglingReference,
                $"'{id.Value}' is a cooperative; a {role} must be a provider (for a cooperative, name one of its members).");
        }
        else
        {
            Dangling(id, "provider", file);
        }
    }

    private void Check<T>(Located<string>? reference, Dictionary<string, T> index, string kind, string? file = null)
    {
        if (reference is { } id && !index.ContainsKey(id.Value))
        {
            Dangling(id, kind, file);
        }
    }

    private void Dangling(Located<string> id, string kind, string? file = null) =>
        _reader.Error(file ?? _reader.File, id.Span, LoadErrorCodes.DanglingReference, $"No {kind} with id '{id.Value}' is defined in this design.");

    private SourceLocation At(SourceSpan span) => At(_reader.File, span);

    private static SourceLocation At(string file, SourceSpan span) => new(file, span.StartLine, span.StartColumn);
}
