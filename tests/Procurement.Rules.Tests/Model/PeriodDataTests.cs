using Procurement.Rules.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>
/// The period data of a running framework (issue 23, item 1): what was realised per care profile per month, outcomes
/// of ended profiles and spending per contract per month, written in the design or read from data files next to it,
/// linked to their profiles and contracts, every error positioned in the file that holds the row.
/// </summary>
public sealed class PeriodDataTests : IDisposable
{
    private const string MonthsCsv = """
        profile,month,status,hours,units,spend
        P-0001,2023-04,active,26,,2100
        P-0001,2023-03,active,24.5,3,1980.50
        P-0002,2023-07,ended,,,

        """;

    // The sample design, ending its last line.
    private static readonly string Sample = SampleDesigns.Valid + "\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("pr-period-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void PeriodDataMonths_RunFromTheFirstToTheLastMonthOfAnyList_AndAreNullWithout()
    {
        // Spending from January 2023, profile months to July, an outcome ended on 31 July.
        var design = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow();
        var outcomeLater = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData.Replace("ended: 2023-07-31", "ended: 2023-09-14", StringComparison.Ordinal), "design.yaml").GetValueOrThrow();

        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 7, 1)), design.PeriodDataMonths);
        Assert.Equal((new DateOnly(2023, 1, 1), new DateOnly(2023, 9, 1)), outcomeLater.PeriodDataMonths);
        Assert.Null(TenderDesignLoader.LoadString(Sample, "design.yaml").GetValueOrThrow().PeriodDataMonths);
    }

    [Fact]
    public void PeriodData_IsLinkedToItsProfilesAndContracts_InMonthOrder()
    {
        var design = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow();

        var p1 = design.FindCareProfile("P-0001")!;
        Assert.Equal([new DateOnly(2023, 3, 1), new DateOnly(2023, 4, 1)], p1.Months.Select(m => m.Month));
        Assert.Equal((24.5m, 3m, 1980.50m, ProfileStatus.Active), (p1.Months[0].Hours, p1.Months[0].Units, p1.Months[0].Spend, p1.Months[0].Status));
        Assert.Null(p1.Outcome);

        var p2 = design.FindCareProfile("P-0002")!;
        Assert.Equal(ProfileStatus.Ended, Assert.Single(p2.Months).Status);
        Assert.Equal((new DateOnly(2023, 7, 31), GoalAchievement.Partly, true, 7.5m), (p2.Outcome!.Ended, p2.Outcome.Goal, p2.Outcome.EndedEarly, p2.Outcome.Satisfaction));

        Assert.Equal([36000m, 37500m], design.FindContract("C-001")!.Spending.Select(s => s.Amount));
        Assert.Empty(design.FindContract("C-002")!.Spending);

        // The design's lists keep file order, each row located where it is written.
        Assert.Equal([new DateOnly(2023, 4, 1), new DateOnly(2023, 3, 1), new DateOnly(2023, 7, 1)], design.ProfileMonths.Select(m => m.Month));
        Assert.Equal((FirstLine("profile: P-0001, month: 2023-04"), 5), (design.ProfileMonths[0].Location.Line, design.ProfileMonths[0].Location.Column));
    }

    [Theory]
    // C-001's budget is 450,000: spending of 73,500 is within it, a limit of 70,000 is not.
    [InlineData("contract.Budget == null || contract.Spending.Sum(s => s.Amount) <= contract.Budget", "contract", "Contracts", 0)]
    [InlineData("contract.Spending.Sum(s => s.Amount) <= 70000", "contract", "Contracts", 1)]
    // P-0002 ended early: its outcome fails a clause that asks for none.
    [InlineData("profile.Outcome == null || !profile.Outcome.EndedEarly", "profile", "CareProfiles", 1)]
    [InlineData("profile.Months.All(m => m.Hours == null || m.Hours <= 26)", "profile", "CareProfiles", 0)]
    public void RuleOverPeriodData_IsCompiledAndEvaluated(string clause, string name, string collection, int findings)
    {
        var rules = RuleFiles.LoadOrThrow(RuleFiles.WithClause(clause, $"{name} in {collection}"));
        var design = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow();

        Assert.Equal(findings, rules.Evaluate(design).Findings.Count);
    }

    [Fact]
    public void DesignWithoutPeriodData_HasNone_AndIsWrittenAsBefore()
    {
        var design = TenderDesignLoader.LoadString(Sample, "design.yaml").GetValueOrThrow();

        Assert.Empty(design.ProfileMonths);
        Assert.Empty(design.Outcomes);
        Assert.Empty(design.Spending);
        Assert.All(design.CareProfiles, p => Assert.Empty(p.Months));
        Assert.DoesNotContain("profileMonths", TenderDesignWriter.Write(design), StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodData_IsWrittenBack_AndLoadsToTheSameDesign()
    {
        var design = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow();
        var written = TenderDesignWriter.Write(design);
        var again = TenderDesignLoader.LoadString(written, "written.yaml").GetValueOrThrow();

        Assert.Contains("profileMonths:", written, StringComparison.Ordinal);
        Assert.Equal(written, TenderDesignWriter.Write(again));
        Assert.Equal(design.ProfileMonths.Count, again.ProfileMonths.Count);
    }

    [Theory]
    [InlineData("months.csv", MonthsCsv)]
    [InlineData("months.jsonl", """
        { "profile": "P-0001", "month": "2023-04", "status": "active", "hours": 26, "spend": 2100 }
        { "profile": "P-0001", "month": "2023-03", "status": "active", "hours": 24.5, "units": 3, "spend": 1980.50 }
        { "profile": "P-0002", "month": "2023-07", "status": "ended" }

        """)]
    public void ProfileMonths_FromADataFile_AreTheSameAsInTheDesign(string name, string text)
    {
        File.WriteAllText(Path.Combine(_folder, name), text);
        var path = Path.Combine(_folder, "design.yaml");
        File.WriteAllText(path, Sample + SampleDesigns.PeriodData[SampleDesigns.PeriodData.IndexOf("outcomes:", StringComparison.Ordinal)..] + $"profileMonths: {{ file: {name} }}\n");
        var fromFile = TenderDesignLoader.LoadFile(path).GetValueOrThrow();
        var inDesign = TenderDesignLoader.LoadString(Sample + SampleDesigns.PeriodData, "design.yaml").GetValueOrThrow();

        Assert.Equal(TenderDesignWriter.Write(inDesign), TenderDesignWriter.Write(fromFile));
        Assert.Equal((Path.Combine(_folder, name), name.EndsWith(".csv", StringComparison.Ordinal) ? 3 : 2), (fromFile.ProfileMonths[1].Location.File, fromFile.ProfileMonths[1].Location.Line));
    }

    [Theory]
    [InlineData("P-0001,2023-13,active,,,", LoadErrorCodes.BadDate, 8, "not a valid month for the profile month; write it as yyyy-MM, e.g. 2023-01 (column 'month')")]
    [InlineData("P-0001,2023-05,busy,,,", LoadErrorCodes.BadValue, 16, "'busy' is not a valid status; use one of: active, ended (column 'status')")]
    [InlineData("P-0009,2023-05,active,,,", LoadErrorCodes.DanglingReference, 1, "No care profile with id 'P-0009'")]
    [InlineData("P-0001,2023-05,active,,,-5", LoadErrorCodes.BadValue, 25, "Spend cannot be negative")]
    [InlineData("P-0001,2023-04,active,,,", LoadErrorCodes.DuplicateId, 8, "Care profile 'P-0001' has two rows for 2023-04 (first at line 2)")]
    public void ProfileMonthRowError_IsPositionedInTheDataFile(string row, string code, int column, string says)
    {
        File.WriteAllText(Path.Combine(_folder, "months.csv"), MonthsCsv.Split('\n')[0] + "\n" + MonthsCsv.Split('\n')[1] + "\n" + row + "\n");
        var path = Path.Combine(_folder, "design.yaml");
        File.WriteAllText(path, Sample + "profileMonths: { file: months.csv }\n");

        var error = TenderDesignLoader.LoadFile(path).Errors.First();

        Assert.Equal((code, Path.Combine(_folder, "months.csv"), 3, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outcomes", "  - { profile: P-0002, ended: 2023-07-31, goal: partly, satisfaction: 11 }", LoadErrorCodes.BadValue, 71, "Satisfaction is a mark from 1 to 10; found 11.")]
    [InlineData("outcomes", "  - { profile: P-0002, ended: 2023-07-31, goal: half }", LoadErrorCodes.BadValue, 49, "'half' is not a valid goal achievement; use one of: reached, partly, not-reached.")]
    [InlineData("outcomes", "  - { profile: P-0002, ended: 2023-07-31 }", LoadErrorCodes.MissingField, 5, "goal")]
    [InlineData("outcomes", "  - { profile: P-0002, ended: 2023-07-31, goal: reached }\n  - { profile: P-0002, ended: 2023-08-31, goal: reached }", LoadErrorCodes.DuplicateId, 16, "Care profile 'P-0002' has two outcomes (first at line")]
    [InlineData("spending", "  - { contract: C-404, month: 2023-01, amount: 100 }", LoadErrorCodes.DanglingReference, 17, "No contract with id 'C-404'")]
    [InlineData("spending", "  - { contract: C-001, month: 2023-1, amount: 100 }", LoadErrorCodes.BadDate, 31, "'2023-1' is not a valid month for the spending month")]
    [InlineData("spending", "  - { contract: C-001, month: 2023-01 }", LoadErrorCodes.MissingField, 5, "amount")]
    [InlineData("spending", "  - { contract: C-001, month: 2023-01, amount: 1 }\n  - { contract: C-001, month: 2023-01, amount: 2 }", LoadErrorCodes.DuplicateId, 31, "Contract 'C-001' has two spending rows for 2023-01 (first at line")]
    public void PeriodListError_IsPositioned(string list, string items, string code, int column, string says)
    {
        var text = Sample + list + ":\n" + items + "\n";
        var error = TenderDesignLoader.LoadString(text, "design.yaml").Errors.First();

        // At the item's line; a second row's error at the second.
        var line = text.Split('\n').Length - 1 - items.Split('\n').Length + (code == LoadErrorCodes.DuplicateId ? 2 : 1);
        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    // The line of the design plus period data on which text first occurs.
    private static int FirstLine(string text) =>
        (Sample + SampleDesigns.PeriodData).Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
