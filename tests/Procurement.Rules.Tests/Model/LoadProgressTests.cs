using Procurement.Rules.Model;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>Loading a large design file tells how far it has come: characters read and care profiles read.</summary>
public sealed class LoadProgressTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void LoadFile_ReportsGrowingProgress_EndingWithTheWholeTextAndEveryProfile()
    {
        var yaml = new Procurement.Rules.Cli.DesignGenerator { Profiles = 5_000, Seed = 3 }.Generate();
        File.WriteAllText(_file, yaml);
        var reports = new Recorder();

        var design = TenderDesignLoader.LoadFile(_file, progress: reports).GetValueOrThrow();

        Assert.True(reports.Seen.Count >= 3, $"a text of {yaml.Length:N0} characters gave {reports.Seen.Count} report(s)");
        Assert.All(reports.Seen, r => Assert.Equal(yaml.Length, r.Characters));
        Assert.Equal(reports.Seen.OrderBy(r => r.CharactersRead).ThenBy(r => r.CareProfilesRead), reports.Seen);
        Assert.Contains(reports.Seen, r => r.CareProfilesRead > 0 && r.CareProfilesRead < design.CareProfiles.Count);
        Assert.Equal(new DesignLoadProgress(yaml.Length, yaml.Length, design.CareProfiles.Count), reports.Seen[^1]);
    }

    [Fact]
    public void LoadFile_OfADesignWithDataFiles_ReportsTheDataFileItReads_EndingWithEveryProfile()
    {
        var folder = Directory.CreateTempSubdirectory("pr-progress-").FullName;
        try
        {
            var path = Path.Combine(folder, "design.yaml");
            Procurement.Rules.Cli.DesignCsv.Write(new Procurement.Rules.Cli.DesignGenerator { Profiles = 40_000, Seed = 3 }.Generate(), path);
            var reports = new Recorder();

            var design = TenderDesignLoader.LoadFile(path, progress: reports).GetValueOrThrow();

            var reading = reports.Seen.Where(r => r.DataFile == "design-profiles.csv").ToList();
            Assert.True(reading.Count >= 3, $"{reading.Count} report(s) while reading the data file");
            Assert.Equal(reading.OrderBy(r => r.CareProfilesRead), reading);
            Assert.Contains(reading, r => r.CareProfilesRead > 0 && r.CareProfilesRead < design.CareProfiles.Count);
            Assert.Equal((null, design.CareProfiles.Count), (reports.Seen[^1].DataFile, reports.Seen[^1].CareProfilesRead));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadFile_WithoutProgress_LoadsTheSameDesign()
    {
        File.WriteAllText(_file, new Procurement.Rules.Cli.DesignGenerator { Profiles = 200, Seed = 3 }.Generate());

        var withProgress = TenderDesignLoader.LoadFile(_file, progress: new Recorder()).GetValueOrThrow();
        var without = TenderDesignLoader.LoadFile(_file).GetValueOrThrow();

        Assert.Equal(RoundTripTests.Snapshot(without), RoundTripTests.Snapshot(withProgress));
    }

    // Records synchronously (System.Progress<T> would post to the thread pool).
    private sealed class Recorder : IProgress<DesignLoadProgress>
    {
        public List<DesignLoadProgress> Seen { get; } = [];

        public void Report(DesignLoadProgress value) => Seen.Add(value);
    }
}
