namespace Procurement.Rules.Model.Loading;

/// <summary>
/// Checks and builds the period data: every row names a care profile or contract of the design, a profile or contract
/// has at most one row per month and a profile at most one outcome; the rows are linked to their profile or contract
/// in month order.
/// </summary>
internal sealed partial class DesignResolver
{
    private void CheckPeriodData(DesignDto dto)
    {
        var months = new Dictionary<(string, DateOnly), ProfileMonthDto>();
        foreach (var month in dto.ProfileMonths)
        {
            Check(month.Profile, _profiles, "care profile", month.File);
            if (month.Profile is { } profile && month.Month is { } at && !months.TryAdd((profile.Value, at.Value), month))
            {
                Twice(month.File, at.Span, months[(profile.Value, at.Value)].File, months[(profile.Value, at.Value)].Span, $"Care profile '{profile.Value}' has two rows for {at.Value:yyyy-MM}");
            }
        }

        var outcomes = new Dictionary<string, OutcomeDto>(StringComparer.Ordinal);
        foreach (var outcome in dto.Outcomes)
        {
            Check(outcome.Profile, _profiles, "care profile", outcome.File);
            if (outcome.Profile is { } profile && !outcomes.TryAdd(profile.Value, outcome))
            {
                Twice(outcome.File, profile.Span, outcomes[profile.Value].File, outcomes[profile.Value].Span, $"Care profile '{profile.Value}' has two outcomes");
            }
        }

        var spending = new Dictionary<(string, DateOnly), SpendingDto>();
        foreach (var spent in dto.Spending)
        {
            Check(spent.Contract, _contracts, "contract", spent.File);
            if (spent.Contract is { } contract && spent.Month is { } at && !spending.TryAdd((contract.Value, at.Value), spent))
            {
                Twice(spent.File, at.Span, spending[(contract.Value, at.Value)].File, spending[(contract.Value, at.Value)].Span, $"Contract '{contract.Value}' has two spending rows for {at.Value:yyyy-MM}");
            }
        }
    }

    // A second row for what may have one: reported at the second, naming where the first is.
    private void Twice(string file, SourceSpan span, string firstFile, SourceSpan first, string what)
    {
        var where = firstFile == file ? $"line {first.StartLine}" : $"{firstFile} line {first.StartLine}";
        _reader.Error(file, span, LoadErrorCodes.DuplicateId, $"{what} (first at {where}).");
    }

    // Builds the period data over the built profiles and contracts and links each row to its profile or contract.
    private void BuildPeriodData(DesignDto dto, Dictionary<string, CareProfile> profileById, TenderDesign design)
    {
        var months = dto.ProfileMonths
            .Select(m => new ProfileMonth(profileById[m.Profile!.Value.Value], m.Month!.Value.Value, m.Status!.Value, m.Hours, m.Units, m.Spend, At(m.File, m.Span)))
            .ToArray();
        foreach (var group in months.GroupBy(m => m.Profile))
        {
            group.Key.Months = [.. group.OrderBy(m => m.Month)];
        }

        foreach (var group in months.Select(m => m.Profile).Distinct().Where(p => p.MainContractor is not null).GroupBy(p => p.MainContractor!))
        {
            group.Key.CareMonths = [.. group.SelectMany(CareMonth.Of).OrderBy(row => row.Month)];
        }

        var outcomes = dto.Outcomes
            .Select(o => new ProfileOutcome(profileById[o.Profile!.Value.Value], o.Ended!.Value, o.Goal!.Value, o.EndedEarly ?? false, o.Satisfaction, At(o.File, o.Span)))
            .ToArray();
        foreach (var outcome in outcomes)
        {
            outcome.Profile.Outcome = outcome;
        }

        foreach (var group in outcomes.Where(o => o.Profile.MainContractor is not null).GroupBy(o => o.Profile.MainContractor!))
        {
            group.Key.Outcomes = [.. group.OrderBy(o => o.Ended)];
        }

        var spending = dto.Spending
            .Select(s => new ContractSpending(_contractById[s.Contract!.Value.Value], s.Month!.Value.Value, s.Amount!.Value, At(s.File, s.Span)))
            .ToArray();
        foreach (var group in spending.GroupBy(s => s.Contract))
        {
            group.Key.Spending = [.. group.OrderBy(s => s.Month)];
        }

        design.ProfileMonths = months;
        design.Outcomes = outcomes;
        design.Spending = spending;
    }
}
