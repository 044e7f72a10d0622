using Procurement.Rules.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Reporting;

/// <summary>The JSON report read back with the library's source-generated serializer context.</summary>
public sealed class ReportJsonTests
{
    [Fact]
    public void ReadJson_TheReportOfTheExamples_GivesTheSameReportsAndFindings()
    {
        var evaluated = ReportDocuments.Examples.Select(e => ReportDocuments.Evaluate(ReportDocuments.Example(e))).ToArray();

        var read = ReportWriter.ReadJson(ReportDocuments.Write(ReportFormat.Json, evaluated));

        Assert.Equal(evaluated.Length, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var expected = evaluated[i].Report;
            Assert.Equal((expected.DesignId, expected.DesignFile, expected.AsOf, expected.RuleSetHash), (read[i].DesignId, read[i].DesignFile, read[i].AsOf, read[i].RuleSetHash));
            Assert.NotEmpty(read[i].Findings);
            Assert.Equal(expected.Findings, read[i].Findings);
            Assert.Equal(expected.Rules, read[i].Rules);
        }
    }

    [Fact]
    public void WriteJson_WhatReadJsonRead_WritesTheSameBytes()
    {
        var json = ReportDocuments.Write(ReportFormat.Json, ReportDocuments.Evaluate(ReportDocuments.Generated(11)));
        using var again = new StringWriter();

        ReportWriter.WriteJson(ReportWriter.ReadJson(json), again);

        Assert.Equal(json, again.ToString());
    }

    [Fact]
    public void ReadJson_TheContextKnowsTheReportTypes_WithoutReflection()
    {
        var info = ReportJsonContext.Default.GetTypeInfo(typeof(List<EvaluationReport>));

        Assert.NotNull(info);
        Assert.Same(ReportJsonContext.Default, info.OriginatingResolver);
    }
}
