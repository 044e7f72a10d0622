using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>
/// The period data of a running framework: what was realised per care profile per month, the outcomes of ended
/// profiles and what was spent per contract per month. Each list may be written in the design or come from a data file
/// next to it, as care profiles do.
/// </summary>
internal sealed partial class DesignYamlReader
{
    private readonly List<ProfileMonthDto> _profileMonths = [];
    private readonly List<OutcomeDto> _outcomes = [];
    private readonly List<SpendingDto> _spending = [];

    private ProfileMonthDto? ReadProfileMonth(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a profile month", DesignSchema.ProfileMonth.Keys);
        return fields is null ? null : new ProfileMonthDto(
            _reader.Text(_reader.Required(fields, "profile"), "care profile"),
            _reader.Month(_reader.Required(fields, "month"), "the profile month"),
            _reader.Enum<ProfileStatus>(_reader.Required(fields, "status"), "status"),
            _reader.Decimal(fields["hours"], "hours"),
            _reader.Decimal(fields["units"], "units"),
            _reader.Decimal(fields["spend"], "spend"),
            fields.Span) { File = _reader.File };
    }

    private OutcomeDto? ReadOutcome(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "an outcome", DesignSchema.Outcome.Keys);
        if (fields is null)
        {
            return null;
        }

        var satisfaction = _reader.Decimal(fields["satisfaction"], "satisfaction");
        if (satisfaction is < 1 or > 10)
        {
            _reader.Error(fields["satisfaction"]!, LoadErrorCodes.BadValue, $"Satisfaction is a mark from 1 to 10; found {satisfaction}.");
            satisfaction = null;
        }

        return new OutcomeDto(
            _reader.Text(_reader.Required(fields, "profile"), "care profile"),
            _reader.Date(_reader.Required(fields, "ended"), "the outcome's end date"),
            _reader.Enum<GoalAchievement>(_reader.Required(fields, "goal"), "goal achievement"),
            _reader.Bool(fields["endedEarly"], "ended early"),
            satisfaction,
            fields.Span) { File = _reader.File };
    }

    private SpendingDto? ReadSpending(YamlNodeBase node)
    {
        var fields = _reader.Mapping(node, "a spending entry", DesignSchema.Spending.Keys);
        return fields is null ? null : new SpendingDto(
            _reader.Text(_reader.Required(fields, "contract"), "contract"),
            _reader.Month(_reader.Required(fields, "month"), "the spending month"),
            _reader.Decimal(_reader.Required(fields, "amount"), "amount"),
            fields.Span) { File = _reader.File };
    }
}
