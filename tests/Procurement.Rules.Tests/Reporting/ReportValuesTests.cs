using System.Globalization;
using FsCheck.Xunit;
using Procurement.Rules.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>Amounts and dates as procurement officers read them in the HTML, Markdown and text reports.</summary>
public sealed class ReportValuesTests
{
    [Theory]
    [InlineData("26160000", "€ 26.160.000")]
    [InlineData("750000", "€ 750.000")]
    [InlineData("999", "€ 999")]
    [InlineData("0", "€ 0")]
    [InlineData("1234.5", "€ 1.234,50")]
    [InlineData("64000.00", "€ 64.000")]
    [InlineData("-2500", "€ -2.500")]
    public void Amount_IsDutchWithoutDecimalsWhenWhole(string amount, string expected) =>
        Assert.Equal(expected, ReportValues.Amount(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Property(MaxTest = 200)]
    public bool Amount_of_a_whole_number_reads_back_as_that_number(long euros)
    {
        var text = ReportValues.Amount(euros);

        return text.StartsWith("€ ", StringComparison.Ordinal)
            && !text.Contains(',', StringComparison.Ordinal)
            && long.Parse(text[2..].Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) == euros;
    }

    [Fact]
    public void Message_WritesAmountsDatesAndPeriodsInDutch()
    {
        var message = ReportValues.Message(
            "geraamde waarde EUR 26160000 excl. btw ligt boven EUR 750000. Op 2021-09-13; looptijd 2023-01-01..2024-12-31, open 2025-02-01..; id zhz-2019-01-01x");

        Assert.Equal(
            "geraamde waarde € 26.160.000 excl. btw ligt boven € 750.000. Op 13 september 2021; looptijd 1 januari 2023 t/m 31 december 2024, open vanaf 1 februari 2025; id zhz-2019-01-01x",
            message);
    }

    [Fact]
    public void Message_LeavesNumbersThatAreNoAmountAndImpossibleDatesAlone() =>
        Assert.Equal("intensiteit 6 uur/week, 12 maanden, op 2021-13-45", ReportValues.Message("intensiteit 6 uur/week, 12 maanden, op 2021-13-45"));

    [Theory]
    [InlineData("profile.Budget", "5800", "€ 5.800")]
    [InlineData("profile.Terms.Limits.Budget", "64000.5", "€ 64.000,50")]
    [InlineData("europeanThreshold", "750000", "€ 750.000")]
    [InlineData("profile.IntensityHoursPerWeek", "6", "6")]
    [InlineData("escalation.Date", "2021-09-13", "13 september 2021")]
    [InlineData("contract.Period", "2023-01-01..2024-12-31", "1 januari 2023 t/m 31 december 2024")]
    [InlineData("profile.Budget", "null", "null")]
    [InlineData("terms.Contracts", "[a-1, b-2]", "[a-1, b-2]")]
    public void Value_FormatsAmountsByNameAndDatesByShape(string expression, string value, string expected) =>
        Assert.Equal(expected, ReportValues.Value(new FindingValue(expression, value)));

    [Theory]
    [InlineData(ReportLanguage.Dutch, "1 januari 2025")]
    [InlineData(ReportLanguage.English, "1 January 2025")]
    public void Date_IsWrittenOutInTheReportLanguage(ReportLanguage language, string expected) =>
        Assert.Equal(expected, ReportText.For(language).Date(new DateOnly(2025, 1, 1)));

    [Fact]
    public void Counts_UseSingularAndPlural()
    {
        Assert.Equal("1 fout, 2 waarschuwingen, 7 info", ReportText.Dutch.Counts(1, 2, 7));
        Assert.Equal("3 fouten, 1 waarschuwing, 0 info", ReportText.Dutch.Counts(3, 1, 0));
        Assert.Equal("1 error, 2 warnings, 7 info", ReportText.English.Counts(1, 2, 7));
    }

    [Theory]
    [InlineData("Crisishulp", "Delft", "perceel Crisishulp, gemeente Delft")]
    [InlineData("Crisishulp", "-", "perceel Crisishulp")]
    [InlineData("-", "-", "inkoopkader als geheel")]
    public void Place_LeavesOutWhatAFindingDoesNotHave(string lot, string municipality, string expected) =>
        Assert.Equal(expected, ReportText.Dutch.Place(lot, municipality));
}
