using Procurement.Rules.Model;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Diagnostics;

/// <summary>Loading stages return their own diagnostics; the error cap of a file still counts every stage's errors together.</summary>
public sealed class StageDiagnosticsTests
{
    // Two errors found while reading (lines 16 and 23) and two while resolving (lines 21 and 24).
    private static string FourErrors() => SampleDesigns.Valid
        .Replace("agb: \"23456789\"", "agb: \"x\"", StringComparison.Ordinal)
        .Replace("lot: ambulant, category: light", "lot: nowhere, category: light", StringComparison.Ordinal)
        .Replace("start: 2023-03-01", "start: tomorrow", StringComparison.Ordinal);

    [Fact]
    public void Design_ResolvingAfterReadingErrors_StopsAtTheFilesCapWithItsNumber()
    {
        var result = TenderDesignLoader.LoadString(FourErrors(), "many.yaml", new YamlLimits { MaxErrors = 3 });

        Assert.Equal(
            [(LoadErrorCodes.BadAgbCode, 16, 23), (LoadErrorCodes.DanglingReference, 21, 36), (LoadErrorCodes.BadDate, 23, 189), (LoadErrorCodes.TooManyErrors, 24, 51)],
            result.Errors.Select(e => (e.Code, e.Line, e.Column)).ToArray());
        Assert.Equal("More than 3 errors (limit MaxErrors): reading stopped here; further errors not reported.", result.Errors[^1].Message);
    }

    [Fact]
    public void Design_CapReachedByReadingErrors_StopsTheResolverAtItsFirstError()
    {
        var result = TenderDesignLoader.LoadString(FourErrors(), "many.yaml", new YamlLimits { MaxErrors = 2 });

        Assert.Equal(
            [(LoadErrorCodes.BadAgbCode, 16, 23), (LoadErrorCodes.BadDate, 23, 189), (LoadErrorCodes.TooManyErrors, 21, 36)],
            result.Errors.Select(e => (e.Code, e.Line, e.Column)).ToArray());
        Assert.StartsWith("More than 2 errors", result.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Design_UnderTheCap_ReportsEveryStagesErrorsInFileOrder()
    {
        var result = TenderDesignLoader.LoadString(FourErrors(), "many.yaml");

        Assert.Equal(
            [(LoadErrorCodes.BadAgbCode, 16), (LoadErrorCodes.DanglingReference, 21), (LoadErrorCodes.BadDate, 23), (LoadErrorCodes.DanglingReference, 24)],
            result.Errors.Select(e => (e.Code, e.Line)).ToArray());
    }

    [Fact]
    public void RuleFiles_EmptyFileAfterABrokenOne_IsReportedToo()
    {
        // Each file's reading returns its own errors: an empty file is reported whatever the files before it held.
        var errors = RuleFiles.Load("pack: broken\nrules: [\n", string.Empty).Errors;

        Assert.Equal(
            [(LoadErrorCodes.YamlSyntax, "rules0.yaml"), (LoadErrorCodes.MissingField, "rules1.yaml")],
            errors.Select(e => (e.Code, e.File)).ToArray());
        Assert.Equal("The rule file is empty.", errors[1].Message);
    }
}
