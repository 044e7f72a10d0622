using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>Reads the YAML tree of a design file into <see cref="DesignDto"/> records, reporting every field error.</summary>
internal sealed class DesignYamlReader(YamlFieldReader reader)
{
    private readonly List<MunicipalityDto> _municipalities = [];
    private readonly List<LotDto> _lots = [];
    private readonly List<ProviderDto> _providers = [];
    private readonly List<CooperativeDto> _cooperatives = [];
    private readonly List<ContractDto> _contracts = [];
    private readonly List<CareProfileDto> _careProfiles = [];
    private readonly List<EscalationDto> _escalations = [];

    /// <summary>Reads one item of a top-level list as the tree reader streams it; items of unknown lists are skipped (the key is reported).</summary>
    public void AcceptItem(string key, YamlNodeBase item)
    {
        if (YamlFieldReader.IsAbsent(item))
        {
            if (DesignSchema.Design.Fields.Any(f => f.Name == key && f.Kind == FieldKind.ObjectList))
            {
                reader.EmptyItem(item, key);
            }

            return;
        }

        switch (key)
        {
            case "municipalities": Add(_municipalities, ReadMunicipality(item)); break;
            case "lots": Add(_lots, ReadLot(item)); break;
            case "providers": Add(_providers, ReadProvider(item)); break;
            case "cooperatives": Add(_cooperatives, ReadCooperative(item)); break;
            case "contracts": Add(_contracts, ReadContract(item)); break;
            case "careProfiles": Add(_careProfiles, ReadCareProfile(item)); break;
            case "escalations": Add(_escalations, ReadEscalation(item)); break;
        }

        static void Add<T>(List<T> list, T? item)
            where T : class
        {
            if (item is not null)
            {
                list.Add(item);
            }
        }
    }

    /// <summary>Reads the root mapping; lists already streamed through <see cref="AcceptItem"/> are empty in the tree and kept as read.</summary>
    public DesignDto? Read(YamlNodeBase root)
    {
        var fields = reader.Mapping(root, "the design", DesignSchema.Design.Keys);
        if (fields is null)
        {
            reader.Error(root, LoadErrorCodes.WrongType, "A design file must be a mapping with keys such as 'design', 'region', 'period' and 'lots'.");
            return null;
        }

        var id = reader.Text(reader.Required(fields, "design"), "design id")?.Value;
        var region = reader.Text(reader.Required(fields, "region"), "region")?.Value;
        var organisation = reader.Text(fields["purchasingOrganisation"], "purchasing organisation")?.Value;
        var period = ReadPeriod(reader.Required(fields, "period"), "the purchasing period");
        return new DesignDto(
            id,
            region,
            organisation,
            period,
            ReadList(fields["municipalities"], "municipalities", ReadMunicipality, _municipalities),
            ReadList(fields["lots"], "lots", ReadLot, _lots),
            ReadList(fields["providers"], "providers", ReadProvider, _providers),
            ReadList(fields["cooperatives"], "cooperatives", ReadCooperative, _cooperatives),
            ReadList(fields["contracts"], "contracts", ReadContract, _contracts),
            ReadList(fields["careProfiles"], "care profiles", ReadCareProfile, _careProfiles),
            ReadList(fields["escalations"], "escalations", ReadEscalation, _escalations));
    }

    private List<T> ReadList<T>(YamlNodeBase? node, string what, Func<YamlNodeBase, T?> read, List<T> streamed)
        where T : class
    {
        var items = reader.Sequence(node, what);
        var result = streamed;
        foreach (var item in items)
        {
            if (read(item) is { } dto)
            {
                result.Add(dto);
            }
        }

        return result;
    }

    private PeriodDto? ReadPeriod(YamlNodeBase? node, string what)
    {
        var fields = reader.Mapping(node, what, DesignSchema.Period.Keys);
        if (fields is null)
        {
            return null;
        }

        var from = reader.Date(reader.Required(fields, "from"), "the start of " + what);
        var until = reader.Date(fields["until"], "the end of " + what);
        if (from is { } f && until is { } u && u < f && fields["until"] is { } untilNode)
        {
            reader.Error(untilNode, LoadErrorCodes.BadDate, $"{what} ends on {u:yyyy-MM-dd}, before it starts on {f:yyyy-MM-dd}.");
        }

        return new PeriodDto(from, until, fields.Span);
    }

    private MunicipalityDto? ReadMunicipality(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a municipality", DesignSchema.Municipality.Keys);
        if (fields is null)
        {
            return null;
        }

        var from = reader.Date(fields["from"], "the municipality's first day");
        var until = reader.Date(fields["until"], "the municipality's last day");
        if (from is { } f && until is { } u && u < f && fields["until"] is { } untilNode)
        {
            reader.Error(untilNode, LoadErrorCodes.BadDate, $"The municipality stops taking part on {u:yyyy-MM-dd}, before it starts on {f:yyyy-MM-dd}.");
        }

        return new MunicipalityDto(
            reader.Text(reader.Required(fields, "id"), "municipality id"),
            reader.Text(reader.Required(fields, "name"), "municipality name")?.Value,
            from,
            until,
            reader.Text(fields["accessTeam"], "access team")?.Value,
            fields.Span);
    }

    private LotDto? ReadLot(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a lot", DesignSchema.Lot.Keys);
        if (fields is null)
        {
            return null;
        }

        var id = reader.Text(reader.Required(fields, "id"), "lot id");
        var name = reader.Text(reader.Required(fields, "name"), "lot name")?.Value;
        var productCategories = reader.TextList(fields["productCategories"], "product category");
        foreach (var code in productCategories)
        {
            if (code.Value.Length != 2 || !code.Value.All(char.IsAsciiDigit))
            {
                reader.Error(code.Span, LoadErrorCodes.BadValue, $"'{code.Value}' is not an iJw product category; use two digits, e.g. 45.");
            }
        }

        var light = ReadCategory(fields, "light", id);
        var heavy = ReadCategory(fields, "heavy", id);
        return new LotDto(
            id,
            name,
            reader.Text(fields["sector"], "sector")?.Value,
            productCategories,
            YamlFieldReader.IsAbsent(fields["scope"]) ? LotScope.Regional : reader.Enum<LotScope>(fields["scope"], "lot scope"),
            reader.Text(fields["municipality"], "buying municipality"),
            reader.TextList(fields["excludes"], "excluded municipality"),
            light,
            heavy,
            fields.Span);
    }

    private TermsDto? ReadCategory(MappingFields lot, string key, Located<string>? lotId)
    {
        var node = lot[key];
        if (YamlFieldReader.IsAbsent(node))
        {
            var at = lot.Key(key) ?? (YamlNodeBase)lot.Mapping;
            reader.Error(at.Span, LoadErrorCodes.MissingCategory,
                $"Lot '{lotId?.Value ?? "?"}' has no {key} category; every lot must define both 'light' and 'heavy'.");
            return null;
        }

        var fields = reader.Mapping(node, $"the {key} category", DesignSchema.Terms.Keys);
        if (fields is null)
        {
            return null;
        }

        var limitsFields = reader.Mapping(fields["limits"], "category limits", DesignSchema.Limits.Keys);
        var limits = limitsFields is null
            ? new LimitsDto(null, null, null)
            : new LimitsDto(
                reader.Decimal(limitsFields["intensityHoursPerWeek"], "intensity limit"),
                reader.Int(limitsFields["durationMonths"], "duration limit"),
                reader.Decimal(limitsFields["budget"], "budget limit"));
        return new TermsDto(
            reader.Enum<ProcurementForm>(reader.Required(fields, "procurement"), "procurement form"),
            reader.Int(fields["maxProviders"], "maximum number of providers"),
            reader.TextList(fields["qualifications"], "qualification"),
            reader.Enum<FinancingForm>(fields["financing"], "financing form"),
            limits,
            fields.Span);
    }

    private ProviderDto? ReadProvider(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a provider", DesignSchema.Provider.Keys);
        if (fields is null)
        {
            return null;
        }

        var agb = reader.Text(reader.Required(fields, "agb"), "AGB code");
        if (agb is { } code && (code.Value.Length != 8 || !code.Value.All(char.IsAsciiDigit)))
        {
            reader.Error(code.Span, LoadErrorCodes.BadAgbCode, $"'{code.Value}' is not an AGB code; it must be exactly eight digits.");
            agb = null;
        }

        return new ProviderDto(
            reader.Text(reader.Required(fields, "id"), "provider id"),
            reader.Text(reader.Required(fields, "name"), "provider name")?.Value,
            agb,
            reader.TextList(fields["qualifications"], "qualification"),
            reader.TextList(fields["subcontractors"], "subcontractor"),
            fields.Span);
    }

    private CooperativeDto? ReadCooperative(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a cooperative", DesignSchema.Cooperative.Keys);
        if (fields is null)
        {
            return null;
        }

        return new CooperativeDto(
            reader.Text(reader.Required(fields, "id"), "cooperative id"),
            reader.Text(reader.Required(fields, "name"), "cooperative name")?.Value,
            reader.TextList(reader.Required(fields, "members"), "member"),
            reader.TextList(fields["region"], "region municipality"),
            fields.Span);
    }

    private ContractDto? ReadContract(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a contract", DesignSchema.Contract.Keys);
        if (fields is null)
        {
            return null;
        }

        return new ContractDto(
            reader.Text(reader.Required(fields, "id"), "contract id"),
            reader.Text(reader.Required(fields, "party"), "contract party"),
            reader.Text(reader.Required(fields, "lot"), "lot"),
            reader.Enum<CareCategory>(reader.Required(fields, "category"), "category"),
            reader.TextList(reader.Required(fields, "municipalities"), "municipality"),
            ReadPeriod(reader.Required(fields, "period"), "the contract period"),
            reader.Enum<FinancingForm>(fields["financing"], "financing form"),
            reader.Decimal(reader.Required(fields, "value"), "contract value"),
            fields.Span);
    }

    private CareProfileDto? ReadCareProfile(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "a care profile", DesignSchema.CareProfile.Keys);
        if (fields is null)
        {
            return null;
        }

        return new CareProfileDto(
            reader.Text(reader.Required(fields, "id"), "care profile id"),
            reader.Text(fields["client"], "client reference")?.Value,
            reader.Text(reader.Required(fields, "municipality"), "municipality"),
            reader.Text(reader.Required(fields, "lot"), "lot"),
            reader.Enum<CareCategory>(reader.Required(fields, "category"), "category"),
            reader.Text(fields["mainContractor"], "main contractor"),
            reader.TextList(fields["coProviders"], "co-provider"),
            reader.Decimal(reader.Required(fields, "intensityHoursPerWeek"), "intensity"),
            reader.Int(reader.Required(fields, "durationMonths"), "duration"),
            reader.Decimal(reader.Required(fields, "budget"), "budget"),
            reader.Date(reader.Required(fields, "start"), "the profile's start"),
            reader.Text(fields["transferredTo"], "provider transferred to"),
            reader.Text(fields["contract"], "contract"),
            fields.Span);
    }

    private EscalationDto? ReadEscalation(YamlNodeBase node)
    {
        var fields = reader.Mapping(node, "an escalation", DesignSchema.Escalation.Keys);
        if (fields is null)
        {
            return null;
        }

        return new EscalationDto(
            reader.Text(fields["id"], "escalation id"),
            reader.Text(reader.Required(fields, "profile"), "care profile"),
            reader.Enum<CareCategory>(reader.Required(fields, "from"), "category"),
            reader.Enum<CareCategory>(reader.Required(fields, "to"), "category"),
            reader.Enum<LotScope>(fields["fromScope"], "scope"),
            reader.Enum<LotScope>(fields["toScope"], "scope"),
            reader.Text(fields["toLot"], "lot"),
            reader.Date(reader.Required(fields, "date"), "the escalation date"),
            reader.Text(fields["approvedBy"], "approving access team")?.Value,
            fields.Span);
    }
}
