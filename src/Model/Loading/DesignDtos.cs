using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

// Plain records read from YAML before ids are resolved. Every field is nullable: a missing or broken
// value has already been reported, and the resolver skips what it cannot use.
internal sealed record PeriodDto(DateOnly? From, DateOnly? Until, SourceSpan Span);

internal sealed record PublicationDto(PublicationProcedure? Procedure, DateOnly? Published, string? Notice);

internal sealed record LimitsDto(decimal? IntensityHoursPerWeek, int? DurationMonths, decimal? Budget);

internal sealed record TariffDto(decimal? Amount, decimal? StaffCosts, decimal? ClientRelatedCosts, decimal? Overhead, string? Indexation, string? Differentiation);

internal sealed record ProductDto(
    string? Code,
    string? Name,
    string? Category,
    FinancingForm? Variant,
    ProductUnit? Unit,
    bool? Standard,
    TariffDto? Tariff,
    SourceSpan Span);

internal sealed record ExpertTeamDto(Located<string>? Id, string? Name, SourceSpan Span);

internal sealed record TermsDto(
    ProcurementForm? Procurement,
    int? MaxProviders,
    IReadOnlyList<Located<string>> Qualifications,
    FinancingForm? Financing,
    LimitsDto Limits,
    PublicationDto? Publication,
    IReadOnlyList<ProductDto> Products,
    SourceSpan Span);

internal sealed record MunicipalityDto(Located<string>? Id, string? Name, DateOnly? From, DateOnly? Until, string? AccessTeam, SourceSpan Span);

internal sealed record LotDto(
    Located<string>? Id,
    string? Name,
    string? Sector,
    IReadOnlyList<Located<string>> ProductCategories,
    LotScope? Scope,
    Located<string>? Municipality,
    IReadOnlyList<Located<string>> Excludes,
    TermsDto? Light,
    TermsDto? Heavy,
    SourceSpan Span);

internal sealed record ProviderDto(
    Located<string>? Id,
    string? Name,
    Located<string>? Agb,
    IReadOnlyList<Located<string>> Qualifications,
    IReadOnlyList<Located<string>> Subcontractors,
    SourceSpan Span);

internal sealed record CooperativeDto(Located<string>? Id, string? Name, IReadOnlyList<Located<string>> Members, IReadOnlyList<Located<string>> Region, SourceSpan Span);

internal sealed record ContractDto(
    Located<string>? Id,
    Located<string>? Party,
    Located<string>? Lot,
    CareCategory? Category,
    IReadOnlyList<Located<string>> Municipalities,
    PeriodDto? Period,
    FinancingForm? Financing,
    decimal? Value,
    PublicationDto? Publication,
    decimal? Budget,
    string? HardshipClause,
    SourceSpan Span);

internal sealed record CareProfileDto(
    Located<string>? Id,
    string? Client,
    Located<string>? Municipality,
    Located<string>? Lot,
    CareCategory? Category,
    Located<string>? MainContractor,
    IReadOnlyList<Located<string>> CoProviders,
    decimal? IntensityHoursPerWeek,
    int? DurationMonths,
    decimal? Budget,
    DateOnly? Start,
    Located<string>? TransferredTo,
    Located<string>? Contract,
    bool? Stay,
    Located<string>? ResponsibleMunicipality,
    SourceSpan Span)
{
    /// <summary>The file the profile was read from: the design, or a data file next to it.</summary>
    public required string File { get; init; }
}

internal sealed record EscalationDto(
    Located<string>? Id,
    Located<string>? Profile,
    CareCategory? From,
    CareCategory? To,
    LotScope? FromScope,
    LotScope? ToScope,
    Located<string>? ToLot,
    DateOnly? Date,
    string? ApprovedBy,
    Located<string>? ExpertTeam,
    SourceSpan Span)
{
    /// <summary>The file the escalation was read from: the design, or a data file next to it.</summary>
    public required string File { get; init; }
}

internal sealed record ProfileMonthDto(Located<string>? Profile, Located<DateOnly>? Month, ProfileStatus? Status, decimal? Hours, decimal? Units, decimal? Spend, SourceSpan Span)
{
    /// <summary>The file the month was read from: the design, or a data file next to it.</summary>
    public required string File { get; init; }
}

internal sealed record OutcomeDto(Located<string>? Profile, DateOnly? Ended, GoalAchievement? Goal, bool? EndedEarly, decimal? Satisfaction, SourceSpan Span)
{
    /// <summary>The file the outcome was read from: the design, or a data file next to it.</summary>
    public required string File { get; init; }
}

internal sealed record SpendingDto(Located<string>? Contract, Located<DateOnly>? Month, decimal? Amount, SourceSpan Span)
{
    /// <summary>The file the spending was read from: the design, or a data file next to it.</summary>
    public required string File { get; init; }
}

internal sealed record DesignDto(
    string? Id,
    string? Region,
    string? PurchasingOrganisation,
    PeriodDto? Period,
    ExpertTeamDto? ExpertTeam,
    List<MunicipalityDto> Municipalities,
    List<LotDto> Lots,
    List<ProviderDto> Providers,
    List<CooperativeDto> Cooperatives,
    List<ContractDto> Contracts,
    List<CareProfileDto> CareProfiles,
    List<EscalationDto> Escalations,
    List<ProfileMonthDto> ProfileMonths,
    List<OutcomeDto> Outcomes,
    List<SpendingDto> Spending);
