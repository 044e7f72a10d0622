using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Waivers;

/// <summary>Reading waiver files: every load error with its code, line and column; the example file; appending an entry.</summary>
public sealed class WaiverFileTests
{
    private const string Valid = """
        waivers:
          - id: A
            rule: CO-003
            subject: lots[crisis].heavy
            justification: reden
            approvedBy: bestuur
            decided: 2023-01-01
            expires: 2023-12-31
        """;

    public static TheoryData<string, string, string, int, int> Broken() => new()
    {
        { "unknown field", Valid + "\n    colour: red\n", LoadErrorCodes.UnknownField, 9, 5 },
        { "missing justification", Valid.Replace("    justification: reden\n", "", StringComparison.Ordinal), LoadErrorCodes.MissingField, 2, 5 },
        { "justification without value", Valid.Replace("justification: reden", "justification:", StringComparison.Ordinal), LoadErrorCodes.MissingField, 5, 5 },
        { "blank justification", Valid.Replace("justification: reden", "justification: \"  \"", StringComparison.Ordinal), LoadErrorCodes.MissingField, 5, 20 },
        { "blank approver", Valid.Replace("approvedBy: bestuur", "approvedBy: ''", StringComparison.Ordinal), LoadErrorCodes.MissingField, 6, 17 },
        { "missing expiry", Valid.Replace("    expires: 2023-12-31", "", StringComparison.Ordinal), LoadErrorCodes.MissingField, 2, 5 },
        { "expiry not a date", Valid.Replace("expires: 2023-12-31", "expires: 31-12-2023", StringComparison.Ordinal), LoadErrorCodes.BadDate, 8, 14 },
        { "decision not a date", Valid.Replace("decided: 2023-01-01", "decided: gisteren", StringComparison.Ordinal), LoadErrorCodes.BadDate, 7, 14 },
        { "expires before decided", Valid.Replace("expires: 2023-12-31", "expires: 2022-12-31", StringComparison.Ordinal), LoadErrorCodes.BadValue, 8, 14 },
        { "unknown rule", Valid.Replace("rule: CO-003", "rule: XX-999", StringComparison.Ordinal), RuleErrorCodes.UnknownRule, 3, 11 },
        { "subject not a path", Valid.Replace("subject: lots[crisis].heavy", "subject: crisis", StringComparison.Ordinal), LoadErrorCodes.BadValue, 4, 14 },
        { "subject of an unknown collection", Valid.Replace("subject: lots[crisis].heavy", "subject: tenders[*]", StringComparison.Ordinal), LoadErrorCodes.BadValue, 4, 14 },
        { "rule as a list", Valid.Replace("rule: CO-003", "rule: [CO-003]", StringComparison.Ordinal), LoadErrorCodes.WrongType, 3, 11 },
        { "duplicate id", Valid + "\n" + Valid["waivers:\n".Length..], LoadErrorCodes.DuplicateId, 9, 9 },
        { "waivers not a list", "waivers: yes\n", LoadErrorCodes.WrongType, 1, 10 },
        { "entry not a mapping", "waivers:\n  - CO-003\n", LoadErrorCodes.WrongType, 2, 5 },
        { "root a list", "- CO-003\n", LoadErrorCodes.WrongType, 1, 1 },
        { "unknown root key", "waivers: []\nexceptions: []\n", LoadErrorCodes.UnknownField, 2, 1 },
        { "no waivers key", "# nothing here\n", LoadErrorCodes.MissingField, 1, 1 },
        { "empty file", "", LoadErrorCodes.MissingField, 1, 1 },
        { "broken YAML", "waivers:\n  - rule: [CO-003\n", LoadErrorCodes.YamlSyntax, 3, 1 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Load_BrokenFile_ReportsTheErrorWithLineAndColumn(string what, string yaml, string code, int line, int column)
    {
        var result = WaiverFile.Load(yaml, "w.yaml", Shipped.Rules);

        var error = Assert.Single(result.Errors);
        Assert.True((error.Code, error.Line, error.Column) == (code, line, column), $"{what}: {error}");
        Assert.Equal("w.yaml", error.File);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Load_ValidFile_ReadsEveryFieldWithTheEntrysLocation()
    {
        var result = WaiverFile.Load(Valid + "\n    design: d-1\n    reference: BC 2022-041\n", "w.yaml", Shipped.Rules);

        Assert.Empty(result.Errors);
        var waiver = Assert.Single(result.Value!);
        Assert.Equal(
            new Waiver
            {
                Id = "A", RuleId = "CO-003", DesignId = "d-1", Subject = "lots[crisis].heavy", Justification = "reden", ApprovedBy = "bestuur",
                Decided = new DateOnly(2023, 1, 1), Expires = new DateOnly(2023, 12, 31), Reference = "BC 2022-041", Location = new SourceLocation("w.yaml", 2, 5),
            },
            waiver);
    }

    [Fact]
    public void LoadFiles_MissingFile_IsUnreadableAtLineOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pr-waivers-{Guid.NewGuid():N}.yaml");

        var error = Assert.Single(WaiverFile.LoadFiles([path], Shipped.Rules).Errors);

        Assert.Equal((LoadErrorCodes.FileUnreadable, path, 1, 1), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void LoadFiles_FileOverTheSizeLimit_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pr-waivers-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Valid);
        try
        {
            var error = Assert.Single(WaiverFile.LoadFiles([path], Shipped.Rules, new YamlLimits { MaxFileBytes = 10 }).Errors);

            Assert.Equal((LoadErrorCodes.LimitExceeded, 1, 1), (error.Code, error.Line, error.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ExampleWaiverFile_LoadsAndWaivesExactlyTheCrisisLotFindingOfZuidLimburg()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "examples", "waivers", "zuid-limburg.waivers.yaml");
        var waivers = WaiverFile.LoadFiles([file], Shipped.Rules);
        var design = Reporting.ReportDocuments.Example("zuid-limburg.yaml");

        var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = waivers.Value! });

        Assert.Empty(waivers.Errors);
        var waived = Assert.Single(report.Findings, f => f.IsWaived);
        Assert.Equal(("CO-003", "lots[crisis].heavy", "ZL-AFW-2023-01"), (waived.RuleId, waived.Subject, waived.Waiver!.Id));
        Assert.Contains(report.Findings, f => f is { RuleId: "MC-002", Subject: "careProfiles[zl-zp-13]", IsWaived: false });
        Assert.Equal((6, 1, 0), (report.ErrorCount, report.WaivedCount, report.ExpiredWaiverCount));
    }

    [Fact]
    public void IsWaiverFile_KnowsTheNamesAWaiverFileHas()
    {
        Assert.True(WaiverFile.IsWaiverFile("examples/waivers.yaml"));
        Assert.True(WaiverFile.IsWaiverFile("examples/waivers/zuid-limburg.waivers.yml"));
        Assert.False(WaiverFile.IsWaiverFile("examples/zuid-limburg.yaml"));
        Assert.False(WaiverFile.IsWaiverFile("examples/my-waivers.yaml"));
    }

    [Fact]
    public void Append_ToAFileWithComments_KeepsEveryLineAndAddsTheEntryLast()
    {
        var text = "# register\nwaivers:\n    # first\n    - id: A\n      rule: CO-003\n      subject: lots[crisis].heavy\n      justification: reden\n      approvedBy: bestuur\n      expires: 2023-12-31";
        var waiver = new Waiver { Id = "B", RuleId = "MC-002", Subject = "careProfiles[zl-zp-*]", Justification = "zie \"besluit\"\nregel 2\\", ApprovedBy = "wethouder", Expires = new DateOnly(2024, 6, 30), Reference = "#12: x" };

        var appended = WaiverFile.Append(text, waiver);

        Assert.StartsWith(text + "\n", appended, StringComparison.Ordinal);
        var read = WaiverFile.Load(appended, "w.yaml", Shipped.Rules);
        Assert.Empty(read.Errors);
        Assert.Equal(waiver with { Location = new SourceLocation("w.yaml", 10, 7) }, read.Value![1]);
    }

    [Fact]
    public void Append_ToNoFile_StartsANewRegister()
    {
        var waiver = new Waiver { RuleId = "CO-003", Subject = "lots[crisis].heavy", Justification = "r", ApprovedBy = "a", Expires = new DateOnly(2024, 1, 1) };

        var text = WaiverFile.Append(null, waiver);

        Assert.Equal(waiver with { Location = new SourceLocation("w.yaml", 3, 5) }, Assert.Single(WaiverFile.Load(text, "w.yaml", Shipped.Rules).Value!));
    }

    [Fact]
    public void Append_AnEntryWithAnError_IsLeftToTheLoaderWhichPositionsIt()
    {
        var waiver = new Waiver { RuleId = "CO-003", Subject = "lots[crisis].heavy", Justification = "r", ApprovedBy = "a", Decided = new DateOnly(2024, 1, 2), Expires = new DateOnly(2024, 1, 1) };

        var text = WaiverFile.Append(Valid, waiver);

        var error = Assert.Single(WaiverFile.Load(text, "w.yaml", Shipped.Rules).Errors);
        Assert.Equal((LoadErrorCodes.BadValue, 14, 14), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Append_AfterAnotherTopLevelKeyOrToAnInlineList_IsRefused()
    {
        var waiver = new Waiver { RuleId = "CO-003", Subject = "lots[crisis].heavy", Justification = "r", ApprovedBy = "a", Expires = new DateOnly(2024, 1, 1) };

        Assert.Throws<InvalidOperationException>(() => WaiverFile.Append("waivers: []\n", waiver));
        Assert.Throws<InvalidOperationException>(() => WaiverFile.Append("waivers: [\n", waiver));
    }
}
