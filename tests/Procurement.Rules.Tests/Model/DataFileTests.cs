using Procurement.Rules.Cli;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Xunit;

namespace Procurement.Rules.Tests.Model;

/// <summary>
/// Care profiles and escalations from data files next to the design (<c>careProfiles: { file: profiles.csv }</c>):
/// CSV, JSON lines or a JSON array give the same design and findings as the YAML list, every error names the data
/// file with its line and column, and only files in the design's own folder are read.
/// </summary>
public sealed class DataFileTests : IDisposable
{
    private const string ProfilesCsv = """
        id,municipality,lot,category,mainContractor,coProviders,intensityHoursPerWeek,durationMonths,budget,start,stay,responsibleMunicipality
        P-0001,dordrecht,ambulant,heavy,xonar,radar,6,12,24000,2023-03-01,true,dordrecht
        P-0002,voorschoten,ambulant,light,radar,,2,3,2500,2023-05-01,,

        """;

    private const string EscalationsCsv = """
        profile,from,to,date,approvedBy,expertTeam
        P-0001,light,heavy,2023-03-01,toegang-dordrecht,ret

        """;

    private const string ProfilesJsonLines = """
        { "id": "P-0001", "municipality": "dordrecht", "lot": "ambulant", "category": "heavy", "mainContractor": "xonar", "coProviders": ["radar"], "intensityHoursPerWeek": 6, "durationMonths": 12, "budget": 24000, "start": "2023-03-01", "stay": true, "responsibleMunicipality": "dordrecht" }
        { "id": "P-0002", "municipality": "voorschoten", "lot": "ambulant", "category": "light", "mainContractor": "radar", "intensityHoursPerWeek": 2, "durationMonths": 3, "budget": 2500, "start": "2023-05-01" }

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pr-data-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("profiles.csv", ProfilesCsv)]
    [InlineData("profiles.jsonl", ProfilesJsonLines)]
    [InlineData("profiles.ndjson", ProfilesJsonLines)]
    [InlineData("profiles.json", "[\n" + "{ \"id\": \"P-0001\", \"municipality\": \"dordrecht\", \"lot\": \"ambulant\", \"category\": \"heavy\", \"mainContractor\": \"xonar\", \"coProviders\": [\"radar\"], \"intensityHoursPerWeek\": 6, \"durationMonths\": 12, \"budget\": 24000, \"start\": \"2023-03-01\", \"stay\": true, \"responsibleMunicipality\": \"dordrecht\" },\n{ \"id\": \"P-0002\", \"municipality\": \"voorschoten\", \"lot\": \"ambulant\", \"category\": \"light\", \"mainContractor\": \"radar\", \"intensityHoursPerWeek\": 2, \"durationMonths\": 3, \"budget\": 2500, \"start\": \"2023-05-01\" }\n]\n")]
    public void Sample_WithItsListsInDataFiles_IsTheSameDesignWithTheSameFindings(string profiles, string text)
    {
        Write(profiles, text);
        Write("escalations.csv", EscalationsCsv);
        var design = TenderDesignLoader.LoadFile(Write("design.yaml", DesignNaming(profiles, "escalations.csv"))).GetValueOrThrow();
        var fromYaml = TenderDesignLoader.LoadString(SampleDesigns.Valid, "design.yaml").GetValueOrThrow();

        Assert.Equal(TenderDesignWriter.Write(fromYaml), TenderDesignWriter.Write(design));
        Assert.Equal(Findings(fromYaml), Findings(design));

        // Each item is located in its data file: the second profile on line 3 of the CSV and the JSON array, line 2 of the JSON lines.
        var second = design.FindCareProfile("P-0002")!.Location;
        Assert.Equal((Path.Combine(_folder, profiles), profiles.EndsWith("l", StringComparison.Ordinal) || profiles.EndsWith(".ndjson", StringComparison.Ordinal) ? 2 : 3), (second.File, second.Line));
        Assert.Equal((Path.Combine(_folder, "escalations.csv"), 2, 1), (design.Escalations[0].Location.File, design.Escalations[0].Location.Line, design.Escalations[0].Location.Column));
    }

    [Theory]
    [InlineData("haaglanden.yaml")]
    [InlineData("zuid-holland-zuid.yaml")]
    [InlineData("heerlen-landgraaf-voerendaal.yaml")]
    [InlineData("zuid-limburg.yaml")]
    public void Example_WithItsListsInCsv_GivesTheSameFindings_LocatedOnTheirRows(string example)
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", example));
        var path = Path.Combine(_folder, example);
        DesignCsv.Write(yaml, path);
        var fromYaml = TenderDesignLoader.LoadString(yaml, example).GetValueOrThrow();
        var fromCsv = TenderDesignLoader.LoadFile(path).GetValueOrThrow();

        Assert.Equal(TenderDesignWriter.Write(fromYaml), TenderDesignWriter.Write(fromCsv));
        Assert.Equal(Findings(fromYaml), Findings(fromCsv));
        var rows = File.ReadAllLines(Path.ChangeExtension(path, null) + "-profiles.csv");
        Assert.All(fromCsv.CareProfiles, p => Assert.StartsWith(p.Id + ",", rows[p.Location.Line - 1], StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_designs_give_the_same_report_from_yaml_from_csv_data_files_and_from_json()
    {
        var run = 0;
        PropertyRun.Check(nameof(Generated_designs_give_the_same_report_from_yaml_from_csv_data_files_and_from_json), 60, DesignGen.Mixed, c =>
        {
            var yaml = c.Spec.ToYaml();
            var path = Path.Combine(_folder, $"generated-{run++}.yaml");
            DesignCsv.Write(yaml, path);
            var fromYaml = TenderDesignLoader.LoadString(yaml, "generated.yaml").GetValueOrThrow();
            var fromCsv = TenderDesignLoader.LoadFile(path).GetValueOrThrow();
            var fromJson = TenderDesignLoader.LoadString(DesignJson.ToJson(yaml), "generated.json").GetValueOrThrow();

            Assert.Equal(TenderDesignWriter.Write(fromYaml), TenderDesignWriter.Write(fromCsv));
            Assert.Equal(Findings(fromYaml), Findings(fromCsv));
            Assert.Equal(Findings(fromYaml), Findings(fromJson));
        });
    }

    [Fact]
    public void CsvColumns_AreTheFieldsOfTheDesign()
    {
        var schema = System.Text.Json.JsonDocument.Parse(TenderDesignLoader.JsonSchema()).RootElement.GetProperty("definitions");
        Assert.Equal(schema.GetProperty("careProfile").GetProperty("properties").EnumerateObject().Select(p => p.Name), DesignCsv.ProfileColumns);
        Assert.Equal(schema.GetProperty("escalation").GetProperty("properties").EnumerateObject().Select(p => p.Name), DesignCsv.EscalationColumns);
        Assert.Equal(schema.GetProperty("profileMonth").GetProperty("properties").EnumerateObject().Select(p => p.Name), DesignCsv.ProfileMonthColumns);
        Assert.Equal(schema.GetProperty("outcome").GetProperty("properties").EnumerateObject().Select(p => p.Name), DesignCsv.OutcomeColumns);
        Assert.Equal(schema.GetProperty("spending").GetProperty("properties").EnumerateObject().Select(p => p.Name), DesignCsv.SpendingColumns);
    }

    [Theory]
    // A cell's error is at its line and column and names the column.
    [InlineData("P-0002,voorschoten,ambulant,light,radar,,2,3,veel,2023-05-01,,", LoadErrorCodes.WrongType, 3, 46, "(column 'budget')")]
    [InlineData("P-0002,voorschoten,ambulant,light,radar,,2,3,\"2500,5\",2023-05-01,,", LoadErrorCodes.WrongType, 3, 46, "found '2500,5' (column 'budget')")]
    [InlineData("P-0002,voorschoten,ambulant,lightish,radar,,2,3,2500,2023-05-01,,", LoadErrorCodes.BadValue, 3, 29, "(column 'category')")]
    [InlineData("P-0002,voorschoten,ambulant,light,radar,,2,3,2500,2023-05-32,,", LoadErrorCodes.BadDate, 3, 51, "(column 'start')")]
    [InlineData("P-0002,voorschoten,ambulant,light,radar,,2,3,2500,2023-05-01,perhaps,", LoadErrorCodes.WrongType, 3, 62, "(column 'stay')")]
    // A required value left empty is missing from the row, at the row's start.
    [InlineData("P-0002,,ambulant,light,radar,,2,3,2500,2023-05-01,,", LoadErrorCodes.MissingField, 3, 1, "has no 'municipality'")]
    // A row of the wrong width.
    [InlineData("P-0002,voorschoten,ambulant,light,radar,,2,3,2500,2023-05-01,,,", LoadErrorCodes.CsvSyntax, 3, 1, "13 values; the header names 12 columns")]
    // References are checked by the resolver, and positioned in the data file.
    [InlineData("P-0002,nergens,ambulant,light,radar,,2,3,2500,2023-05-01,,", LoadErrorCodes.DanglingReference, 3, 8, "No municipality with id 'nergens'")]
    [InlineData("P-0002,voorschoten,ambulant,light,radar,\"radar;nobody\",2,3,2500,2023-05-01,,", LoadErrorCodes.DanglingReference, 3, 48, "No provider with id 'nobody'")]
    [InlineData("P-0001,voorschoten,ambulant,light,radar,,2,3,2500,2023-05-01,,", LoadErrorCodes.DuplicateId, 3, 1, "first defined at line 2")]
    public void CsvRowError_IsPositionedInTheDataFile(string secondRow, string code, int line, int column, string says)
    {
        var csv = ProfilesCsv.Split('\n')[0] + "\n" + ProfilesCsv.Split('\n')[1] + "\n" + secondRow + "\n";
        var error = LoadWithProfiles("profiles.csv", csv).Errors.First();

        Assert.Equal((code, Path.Combine(_folder, "profiles.csv"), line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,municipality,lot,category,intensityHoursPerWeek,durationMonths,budget,start,clent\n", LoadErrorCodes.UnknownField, 1, 80, "did you mean 'client'")]
    [InlineData("id,municipality,lot,lot,category,intensityHoursPerWeek,durationMonths,budget,start\n", LoadErrorCodes.DuplicateKey, 1, 21, "Column 'lot' appears twice")]
    [InlineData("id,municipality,lot,category,intensityHoursPerWeek,durationMonths,start\n", LoadErrorCodes.MissingField, 1, 1, "no column 'budget', which every care profile needs")]
    [InlineData("", LoadErrorCodes.CsvSyntax, 1, 1, "no header row")]
    [InlineData("id,municipality\nP-1,\u0000\n", LoadErrorCodes.NotText, 2, 5, "Not a CSV text file")]
    public void CsvHeaderError_IsOneErrorAtTheHeader(string csv, string code, int line, int column, string says)
    {
        var error = Assert.Single(LoadWithProfiles("profiles.csv", csv).Errors);

        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_TakesSemicolonsDecimalCommasQuotesAndBlankLines()
    {
        var csv = "id;municipality;lot;category;mainContractor;coProviders;intensityHoursPerWeek;durationMonths;budget;start;client\r\n"
            + "P-0002;voorschoten;ambulant;light;radar;\"radar; xonar\";2,5;3;2500,75;2023-05-01;\"Gezin \"\"De Vries\"\";\r\nLeiden\"\r\n"
            + "\r\n"
            + " P-0003 ;voorschoten;ambulant;light;radar;;2;3;2500;2023-05-01;\r\n";
        var design = LoadWithProfiles("profiles.csv", csv).GetValueOrThrow();

        var profile = design.FindCareProfile("P-0002")!;
        Assert.Equal(["radar", "xonar"], profile.CoProviders.Select(p => p.Id));
        Assert.Equal((2.5m, 2500.75m), (profile.IntensityHoursPerWeek, profile.Budget));
        Assert.Equal("Gezin \"De Vries\";\r\nLeiden", profile.Client);

        // The quoted line break and the blank line count: P-0003 is on line 5.
        Assert.Equal((5, 1), (design.FindCareProfile("P-0003")!.Location.Line, design.FindCareProfile("P-0003")!.Location.Column));
    }

    [Theory]
    [InlineData("{ \"id\": \"P-0001\" }\n{ \"id\": \"P-0002\", \"municipality\": \"voorschoten\", \"lot\": \"ambulant\", \"category\": \"light\", \"intensityHoursPerWeek\": 2, \"durationMonths\": 3, \"budget\": 2500, \"start\": \"2023-05-32\" }\n", "profiles.jsonl", LoadErrorCodes.MissingField, 1, 1)]
    [InlineData("{ \"id\": \"P-0002\", \"municipality\": \"voorschoten\", \"lot\": \"ambulant\", \"category\": \"light\", \"intensityHoursPerWeek\": 2, \"durationMonths\": 3, \"budget\": 2500, \"start\": \"2023-05-32\" }\n", "profiles.jsonl", LoadErrorCodes.BadDate, 1, 164)]
    [InlineData("{ \"id\": \"P-0002\" \n", "profiles.jsonl", LoadErrorCodes.JsonSyntax, 2, 1)]
    [InlineData("[ ] [ ]", "profiles.json", LoadErrorCodes.JsonSyntax, 1, 5)]
    [InlineData("[ 5 ]", "profiles.json", LoadErrorCodes.WrongType, 1, 3)]
    [InlineData("{ \"id\": \"P-0002\", \"municipality\": \"voorschoten\", \"lot\": \"ambulant\", \"category\": \"light\", \"intensityHoursPerWeek\": 2, \"durationMonths\": 3, \"budget\": 2500, \"start\": \"2023-05-01\" }\nnull\n", "profiles.jsonl", LoadErrorCodes.MissingField, 2, 1)]
    public void JsonDataFileError_IsPositionedInTheDataFile(string text, string file, string code, int line, int column)
    {
        var error = LoadWithProfiles(file, text).Errors.First();

        Assert.Equal((code, Path.Combine(_folder, file), line, column), (error.Code, error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("../profiles.csv", LoadErrorCodes.DataFile)]
    [InlineData("/etc/passwd.csv", LoadErrorCodes.DataFile)]
    [InlineData("sub/profiles.csv", LoadErrorCodes.DataFile)]
    [InlineData("profiles.txt", LoadErrorCodes.DataFile)]
    [InlineData("missing.csv", LoadErrorCodes.FileUnreadable)]
    [InlineData("outside.csv", LoadErrorCodes.DataFile)]
    public void DataFile_OnlyANameInTheDesignsFolder_IsRead(string name, string code)
    {
        var outside = Directory.CreateTempSubdirectory("pr-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "profiles.csv"), ProfilesCsv);
            File.CreateSymbolicLink(Path.Combine(_folder, "outside.csv"), Path.Combine(outside, "profiles.csv"));
            Directory.CreateDirectory(Path.Combine(_folder, "sub"));
            Write("sub/profiles.csv", ProfilesCsv);
            Write("profiles.txt", ProfilesCsv);
            var design = Write("design.yaml", DesignNaming(name, "[]"));

            var error = Assert.Single(TenderDesignLoader.LoadFile(design).Errors);

            // Positioned at the file name in the design: 'careProfiles: { file: NAME }' on line 22.
            Assert.Equal((code, design, 22, 23), (error.Code, error.File, error.Line, error.Column));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void DataFile_InADesignLoadedFromText_IsAnErrorAtItsName()
    {
        var error = Assert.Single(TenderDesignLoader.LoadString(DesignNaming("profiles.csv", "[]"), "design.yaml").Errors);

        Assert.Equal((LoadErrorCodes.DataFile, 22, 23), (error.Code, error.Line, error.Column));
        Assert.Contains("not loaded from a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFile_OverTheSizeLimit_IsNotRead()
    {
        Write("profiles.csv", ProfilesCsv + new string('\n', 10_000));
        var design = Write("design.yaml", DesignNaming("profiles.csv", "[]"));

        var error = Assert.Single(TenderDesignLoader.LoadFile(design, new YamlLimits { MaxFileBytes = 5_000 }).Errors);

        Assert.Equal((LoadErrorCodes.LimitExceeded, 22, 23), (error.Code, error.Line, error.Column));
        Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFileMapping_WithAnotherKey_IsAnUnknownField()
    {
        var design = Write("design.yaml", DesignNaming("profiles.csv", "[]").Replace("{ file: profiles.csv }", "{ file: profiles.csv, sheet: 1 }", StringComparison.Ordinal));
        Write("profiles.csv", ProfilesCsv);

        var error = Assert.Single(TenderDesignLoader.LoadFile(design).Errors);

        Assert.Equal((LoadErrorCodes.UnknownField, 22, 37), (error.Code, error.Line, error.Column));
    }

    private LoadResult<TenderDesign> LoadWithProfiles(string name, string text)
    {
        Write(name, text);
        return TenderDesignLoader.LoadFile(Write("design.yaml", DesignNaming(name, "[]")));
    }

    // The sample design with its care profiles (line 22) and escalations named as data files; escalations '[]' are none.
    private static string DesignNaming(string profiles, string escalations)
    {
        var sample = SampleDesigns.Valid;
        var start = sample.IndexOf("careProfiles:", StringComparison.Ordinal);
        var end = sample.IndexOf("\nexpertTeam:", start, StringComparison.Ordinal) + 1;
        var list = escalations == "[]" ? "escalations: []\n" : $"escalations: {{ file: {escalations} }}\n";
        var text = sample[..start] + $"careProfiles: {{ file: {profiles} }}\n" + list + sample[end..];
        Assert.Equal(22, text[..text.IndexOf("careProfiles:", StringComparison.Ordinal)].Count(c => c == '\n') + 1);
        return text;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Findings(TenderDesign design) => Shipped.Describe(Shipped.Rules.Evaluate(design).Findings);
}
