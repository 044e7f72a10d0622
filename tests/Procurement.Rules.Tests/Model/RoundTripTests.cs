using FsCheck.Xunit;
using Procurement.Rules.Model;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Model;

public sealed class RoundTripTests
{
    [Property(MaxTest = 30)]
    public bool Writing_then_loading_gives_an_equal_design(ushort seed, byte size)
    {
        var yaml = new DesignGenerator { Seed = seed, Profiles = 1 + size, DefectRate = 0.1 }.Generate();
        var original = TenderDesignLoader.LoadString(yaml, "generated.yaml").GetValueOrThrow();

        var written = TenderDesignWriter.Write(original);
        var reloaded = TenderDesignLoader.LoadString(written, "written.yaml").GetValueOrThrow();

        return Snapshot(original) == Snapshot(reloaded) && TenderDesignWriter.Write(reloaded) == written;
    }

    [Theory]
    [InlineData("Model/sample")]
    [InlineData("examples/zuid-holland-zuid.yaml")]
    [InlineData("examples/heerlen-landgraaf-voerendaal.yaml")]
    [InlineData("examples/haaglanden.yaml")]
    [InlineData("examples/zuid-limburg.yaml")]
    public void Writing_then_loading_keeps_every_field(string source)
    {
        var original = source == "Model/sample"
            ? TenderDesignLoader.LoadString(SampleDesigns.Valid, "sample.yaml").GetValueOrThrow()
            : TenderDesignLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, source)).GetValueOrThrow();

        var reloaded = TenderDesignLoader.LoadString(TenderDesignWriter.Write(original), "written.yaml").GetValueOrThrow();

        Assert.Equal(Snapshot(original), Snapshot(reloaded));
    }

    [Fact]
    public void Writer_QuotesTextThatWouldBeMisread()
    {
        var design = TenderDesignLoader.LoadString(
            SampleDesigns.With("name: Xonar,", "name: \"yes: no, # [x] \\\"q\\\"\",").Replace("region: Voorbeeldregio", "region: \"true\"", StringComparison.Ordinal),
            "quoted.yaml").GetValueOrThrow();

        var reloaded = TenderDesignLoader.LoadString(TenderDesignWriter.Write(design), "written.yaml").GetValueOrThrow();

        Assert.Equal("yes: no, # [x] \"q\"", reloaded.FindProvider("xonar")!.Name);
        Assert.Equal("true", reloaded.Region);
    }

    // Every field of every item, with references as ids: two designs are equal when their snapshots are.
    internal static string Snapshot(TenderDesign d)
    {
        static string Ids<T>(IEnumerable<T> items) => string.Join(",", items);
        static string Terms(CategoryTerms t) =>
            $"{t.Category}/{t.Procurement}/{t.MaxProviders}/{Ids(t.Qualifications)}/{t.Financing}/{t.Limits}/{Announced(t.Publication)}";
        static string Announced(Publication? p) => p is null ? "-" : $"{p.Procedure}/{p.Published}/{p.Notice}";
        var lines = new List<string> { $"{d.Id}|{d.Region}|{d.PurchasingOrganisation}|{d.Period}" };
        lines.AddRange(d.Municipalities.Select(m => $"M {m.Id}|{m.Name}|{m.From}|{m.Until}|{m.AccessTeam}"));
        lines.AddRange(d.Lots.Select(l => $"L {l.Id}|{l.Name}|{l.Sector}|{Ids(l.ProductCategories)}|{l.Scope}|{l.Municipality}|{Ids(l.ExcludedMunicipalities)}|{Terms(l.Light)}|{Terms(l.Heavy)}"));
        lines.AddRange(d.Providers.Select(p => $"P {p.Id}|{p.Name}|{p.Agb}|{Ids(p.Qualifications)}|{Ids(p.Subcontractors)}|{Ids(p.Cooperatives)}"));
        lines.AddRange(d.Cooperatives.Select(c => $"C {c.Id}|{c.Name}|{Ids(c.Members)}|{Ids(c.Region)}"));
        lines.AddRange(d.Contracts.Select(c => $"K {c.Id}|{c.Party}|{c.Lot}|{c.Category}|{Ids(c.Municipalities)}|{c.Period}|{c.Financing}|{c.Value}|{Announced(c.Publication)}"));
        lines.AddRange(d.CareProfiles.Select(p => $"Z {p.Id}|{p.Client}|{p.Municipality}|{p.Lot}|{p.Category}|{p.MainContractor}|{Ids(p.CoProviders)}|{p.IntensityHoursPerWeek}|{p.DurationMonths}|{p.Budget}|{p.Start}|{p.TransferredTo}|{p.Contract}|{p.MainContract}"));
        lines.AddRange(d.Escalations.Select(e => $"E {e.Id}|{e.Profile}|{e.From}|{e.To}|{e.FromScope}|{e.ToScope}|{e.TargetLot}|{e.Date}|{e.ApprovedBy}"));
        return string.Join("\n", lines);
    }
}
