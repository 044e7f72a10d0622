using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>
/// Reads the YAML tree of a design file into <see cref="DesignDto"/> records, reporting every field error. The
/// products, tariffs, publications and the expert team are read in DesignYamlReader.Products.cs, data files in
/// DesignYamlReader.DataFiles.cs.
/// </summary>
internal sealed partial class DesignYamlReader
{
    private readonly YamlFieldReader _reader;

    private readonly List<MunicipalityDto> _municipalities = [];
    private readonly List<LotDto> _lots = [];
    private readonly List<ProviderDto> _providers = [];
    private readonly List<CooperativeDto> _cooperatives = [];
    private readonly List<ContractDto> _contracts = [];
    private readonly List<CareProfileDto> _careProfiles = [];
    private readonly List<EscalationDto> _escalations = [];

    // Progress is reported at most once per this many characters read, and once at the end.
    private const int ProgressInterval = 256 * 1024;

    private readonly YamlLimits _limits;

    // The folder data files are read from; null for a design loaded from text, which cannot name data files.
    private readonly string? _folder;
    private readonly IProgress<DesignLoadProgress>? _progress;
    private readonly int _characters;
    private int _reported;

    private DesignYamlReader(YamlFieldReader reader, YamlLimits limits, string? folder = null, IProgress<DesignLoadProgress>? progress = null, int characters = 0)
    {
        _reader = reader;
        _limits = limits;
        _folder = folder;
        _progress = progress;
        _characters = characters;
    }

    /// <summary>
    /// Reads the design text: the records and the errors of reading it, in the order found. Items of the top-level lists
    /// are read as the tree reader streams them. An empty text is a <c>missing-field</c> error. Data files the design
    /// names are read from <paramref name="folder"/>; with none, naming one is an error.
    /// </summary>
    public static Diagnosed<DesignDto> Read(string text, string file, YamlLimits limits, IProgress<DesignLoadProgress>? progress = null, string? folder = null)
    {
        var fields = new YamlFieldReader(file, limits);
        var designReader = new DesignYamlReader(fields, limits, folder, progress, text.Length);
        var root = JsonTreeReader.IsJsonFile(file) ? JsonTreeReader.Read(text, limits, fields, designReader.AcceptItem) : YamlTreeReader.Read(text, limits, fields, designReader.AcceptItem);
        if (root is null)
        {
            progress?.Report(new DesignLoadProgress(text.Length, text.Length, 0));
            return fields.Errors.Count == 0
                ? new(null, [new LoadError(LoadErrorCodes.MissingField, "The design file is empty.", file, 1, 1)])
                : new(null, fields.Errors);
        }

        // Data files are read here, after the design's own text.
        var design = designReader.Read(root);
        progress?.Report(new DesignLoadProgress(text.Length, text.Length, designReader._careProfiles.Count));
        return new(design, fields.Errors);
    }

    /// <summary>Reads a design written inline as <paramref name="node"/> in another YAML file, under that file's name.</summary>
    public static Diagnosed<DesignDto> Read(YamlNodeBase node, string file, int maxErrors)
    {
        var fields = new YamlFieldReader(file, [], maxErrors);
        return new(new DesignYamlReader(fields, YamlLimits.Default).Read(node), fields.Errors);
    }

    /// <summary>Reads one item of a top-level list as the tree reader streams it; items of unknown lists are skipped (the key is reported).</summary>
    private void AcceptItem(string key, YamlNodeBase item)
    {
        if (YamlFieldReader.IsAbsent(item))
        {
            if (DesignSchema.Design.Fields.Any(f => f.Name == key && f.Kind == FieldKind.ObjectList))
            {
                _reader.EmptyItem(item, key);
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
            case "profileMonths": Add(_profileMonths, ReadProfileMonth(item)); break;
            case "outcomes": Add(_outcomes, ReadOutcome(item)); break;
            case "spending": Add(_spending, ReadSpending(item)); break;
        }

        if (_progress is not null && item.Span.EndOffset - _reported >= ProgressInterval)
        {
            _reported = item.Span.EndOffset;
            _progress.Report(new DesignLoadProgress(_reported, _characters, _careProfiles.Count));
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
    private DesignDto? Read(YamlNodeBase root)
    {
        // One line for a file that is not a mapping at all (a list, a single value): what it must be and what it is.
        if (root is not YamlMapping)
        {
            _reader.Error(root, LoadErrorCodes.WrongType, $"A design file must be a mapping with keys such as 'design', 'region', 'period' and 'lots'; found {root.KindName}.");
            return null;
        }

        var fields = _reader.Mapping(root, "the design", DesignSchema.Design.Keys);
        if (fields is null)
        {
            return null;
        }

        var id = _reader.Text(_reader.Required(fields, "design"), "design id")?.Value;
        var region = _reader.Text(_reader.Required(fields, "region"), "region")?.Value;
        var organisation = _reader.Text(fields["purchasingOrganisation"], "purchasing organisation")?.Value;
        var period = ReadPeriod(_reader.Required(fields, "period"), "the purchasing period");
        return new DesignDto(
            id,
            region,
            organisation,
            period,
            ReadExpertTeam(fields["expertTeam"]),
            ReadList(fields["municipalities"], "municipalities", ReadMunicipality, _municipalities),
            ReadList(fields["lots"], "lots", ReadLot, _lots),
            ReadList(fields["providers"], "providers", ReadProvider, _providers),
            ReadList(fields["cooperatives"], "cooperatives", ReadCooperative, _cooperatives),
            ReadList(fields["contracts"], "contracts", ReadContract, _contracts),
            ReadItems(fields["careProfiles"], DesignSchema.CareProfile, "care profiles", "care profile", static (r, n) => r.ReadCareProfile(n), _careProfiles),
            ReadItems(fields["escalations"], DesignSchema.Escalation, "escalations", "escalation", static (r, n) => r.ReadEscalation(n), _escalations),
            ReadItems(fields["profileMonths"], DesignSchema.ProfileMonth, "profile months", "profile month", static (r, n) => r.ReadProfileMonth(n), _profileMonths),
            ReadItems(fields["outcomes"], DesignSchema.Outcome, "outcomes", "outcome", static (r, n) => r.ReadOutcome(n), _outcomes),
            ReadItems(fields["spending"], DesignSchema.Spending, "spending", "spending", static (r, n) => r.ReadSpending(n), _spending));
    }

    private List<T> ReadList<T>(YamlNodeBase? node, string what, Func<YamlNodeBase, T?> read, List<T> streamed)
        where T : class
    {
        var items = _reader.Sequence(node, what);
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
        var fields = _reader.Mapping(node, what, DesignSchema.Period.Keys);
        if (fields is null)
        {
            return null;
        }

        var from = _reader.Date(_reader.Required(fields, "from"), "the start of " + what);
        var until = _reader.Date(fields["until"], "the end of " + what);
        if (from is { } f && until is { } u && u < f && fields["until"] is { } untilNode)
        {
            _reader.Error(untilNode, LoadErrorCodes.BadDate, $"{what} ends on {u:yyyy-MM-dd}, before it starts on {f:yyyy-MM-dd}.");
        }

        return new PeriodDto(from, until, fields.Span);
    }

    private MunicipalityDto? ReadMunicipality(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a municipality", DesignSchema.Municipality.Keys);
        if (fields is null)
        {
            return null;
        }

        var from = _reader.Date(fields["from"], "the municipality's first day");
        var until = _reader.Date(fields["until"], "the municipality's last day");
        if (from is { } f && until is { } u && u < f && fields["until"] is { } untilNode)
        {
            _reader.Error(untilNode, LoadErrorCodes.BadDate, $"The municipality stops taking part on {u:yyyy-MM-dd}, before it starts on {f:yyyy-MM-dd}.");
        }

        return new MunicipalityDto(
            _reader.Text(_reader.Required(fields, "id"), "municipality id"),
            _reader.Text(_reader.Required(fields, "name"), "municipality name")?.Value,
            from,
            until,
            _reader.Text(fields["accessTeam"], "access team")?.Value,
            fields.Span);
    }

    private LotDto? ReadLot(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a lot", DesignSchema.Lot.Keys);
        if (fields is null)
        {
            return null;
        }

        var id = _reader.Text(_reader.Required(fields, "id"), "lot id");
        var name = _reader.Text(_reader.Required(fields, "name"), "lot name")?.Value;
        var productCategories = _reader.TextList(fields["productCategories"], "product category");
        foreach (var code in productCategories)
        {
            CheckProductCategory(code);
        }

        var light = ReadCategory(fields, "light", id);
        var heavy = ReadCategory(fields, "heavy", id);
        return new LotDto(
            id,
            name,
            _reader.Text(fields["sector"], "sector")?.Value,
            productCategories,
            YamlFieldReader.IsAbsent(fields["scope"]) ? LotScope.Regional : _reader.Enum<LotScope>(fields["scope"], "lot scope"),
            _reader.Text(fields["municipality"], "buying municipality"),
            _reader.TextList(fields["excludes"], "excluded municipality"),
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
            _reader.Error(at.Span, LoadErrorCodes.MissingCategory,
                $"Lot '{lotId?.Value ?? "?"}' has no {key} category; every lot must define both 'light' and 'heavy'.");
            return null;
        }

        var fields = _reader.Mapping(node, $"the {key} category", DesignSchema.Terms.Keys);
        if (fields is null)
        {
            return null;
        }

        var limitsFields = _reader.Mapping(fields["limits"], "category limits", DesignSchema.Limits.Keys);
        var limits = limitsFields is null
            ? new LimitsDto(null, null, null)
            : new LimitsDto(
                _reader.Decimal(limitsFields["intensityHoursPerWeek"], "intensity limit"),
                _reader.Int(limitsFields["durationMonths"], "duration limit"),
                _reader.Decimal(limitsFields["budget"], "budget limit"));
        return new TermsDto(
            _reader.Enum<ProcurementForm>(_reader.Required(fields, "procurement"), "procurement form"),
            _reader.Int(fields["maxProviders"], "maximum number of providers"),
            _reader.TextList(fields["qualifications"], "qualification"),
            _reader.Enum<FinancingForm>(fields["financing"], "financing form"),
            limits,
            ReadPublication(fields["publication"]),
            ReadProducts(fields["products"]),
            fields.Span);
    }

    private void CheckProductCategory(Located<string> code)
    {
        if (code.Value.Length != 2 || !code.Value.All(char.IsAsciiDigit))
        {
            _reader.Error(code.Span, LoadErrorCodes.BadValue, $"'{code.Value}' is not an iJw product category; use two digits, e.g. 45.");
        }
    }

    private ProviderDto? ReadProvider(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a provider", DesignSchema.Provider.Keys);
        if (fields is null)
        {
            return null;
        }

        var agb = _reader.Text(_reader.Required(fields, "agb"), "AGB code");
        if (agb is { } code && (code.Value.Length != 8 || !code.Value.All(char.IsAsciiDigit)))
        {
            _reader.Error(code.Span, LoadErrorCodes.BadAgbCode, $"'{code.Value}' is not an AGB code; it must be exactly eight digits.");
            agb = null;
        }

        return new ProviderDto(
            _reader.Text(_reader.Required(fields, "id"), "provider id"),
            _reader.Text(_reader.Required(fields, "name"), "provider name")?.Value,
            agb,
            _reader.TextList(fields["qualifications"], "qualification"),
            _reader.TextList(fields["subcontractors"], "subcontractor"),
            fields.Span);
    }

    private CooperativeDto? ReadCooperative(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a cooperative", DesignSchema.Cooperative.Keys);
        if (fields is null)
        {
            return null;
        }

        return new CooperativeDto(
            _reader.Text(_reader.Required(fields, "id"), "cooperative id"),
            _reader.Text(_reader.Required(fields, "name"), "cooperative name")?.Value,
            _reader.TextList(_reader.Required(fields, "members"), "member"),
            _reader.TextList(fields["region"], "region municipality"),
            fields.Span);
    }

    private ContractDto? ReadContract(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a contract", DesignSchema.Contract.Keys);
        if (fields is null)
        {
            return null;
        }

        return new ContractDto(
            _reader.Text(_reader.Required(fields, "id"), "contract id"),
            _reader.Text(_reader.Required(fields, "party"), "contract party"),
            _reader.Text(_reader.Required(fields, "lot"), "lot"),
            _reader.Enum<CareCategory>(_reader.Required(fields, "category"), "category"),
            _reader.TextList(_reader.Required(fields, "municipalities"), "municipality"),
            ReadPeriod(_reader.Required(fields, "period"), "the contract period"),
            _reader.Enum<FinancingForm>(fields["financing"], "financing form"),
            _reader.Decimal(_reader.Required(fields, "value"), "contract value"),
            ReadPublication(fields["publication"]),
            _reader.Decimal(fields["budget"], "lump-sum budget"),
            _reader.Text(fields["hardshipClause"], "hardship clause")?.Value,
            fields.Span);
    }

    private CareProfileDto? ReadCareProfile(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a care profile", DesignSchema.CareProfile.Keys);
        if (fields is null)
        {
            return null;
        }

        return new CareProfileDto(
            _reader.Text(_reader.Required(fields, "id"), "care profile id"),
            _reader.Text(fields["client"], "client reference")?.Value,
            _reader.Text(_reader.Required(fields, "municipality"), "municipality"),
            _reader.Text(_reader.Required(fields, "lot"), "lot"),
            _reader.Enum<CareCategory>(_reader.Required(fields, "category"), "category"),
            _reader.Text(fields["mainContractor"], "main contractor"),
            _reader.TextList(fields["coProviders"], "co-provider"),
            _reader.Decimal(_reader.Required(fields, "intensityHoursPerWeek"), "intensity"),
            _reader.Int(_reader.Required(fields, "durationMonths"), "duration"),
            _reader.Decimal(_reader.Required(fields, "budget"), "budget"),
            _reader.Date(_reader.Required(fields, "start"), "the profile's start"),
            _reader.Text(fields["transferredTo"], "provider transferred to"),
            _reader.Text(fields["contract"], "contract"),
            _reader.Bool(fields["stay"], "stay"),
            _reader.Text(fields["responsibleMunicipality"], "responsible municipality"),
            fields.Span) { File = _reader.File };
    }

    private EscalationDto? ReadEscalation(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "an escalation", DesignSchema.Escalation.Keys);
        if (fields is null)
        {
            return null;
        }

        return new EscalationDto(
            _reader.Text(fields["id"], "escalation id"),
            _reader.Text(_reader.Required(fields, "profile"), "care profile"),
            _reader.Enum<CareCategory>(_reader.Required(fields, "from"), "category"),
            _reader.Enum<CareCategory>(_reader.Required(fields, "to"), "category"),
            _reader.Enum<LotScope>(fields["fromScope"], "scope"),
            _reader.Enum<LotScope>(fields["toScope"], "scope"),
            _reader.Text(fields["toLot"], "lot"),
            _reader.Date(_reader.Required(fields, "date"), "the escalation date"),
            _reader.Text(fields["approvedBy"], "approving access team")?.Value,
            _reader.Text(fields["expertTeam"], "expert team"),
            fields.Span) { File = _reader.File };
    }
}
