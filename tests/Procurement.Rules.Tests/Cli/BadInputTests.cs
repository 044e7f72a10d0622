using Xunit;

namespace Procurement.Rules.Tests.Cli;

/// <summary>Bad input gets one clear line on standard error and exit 2: the exact line for each case.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pr-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (int Exit, string Output, string Error) Run(params string[] args) =>
        RunIn(_folder, args);

    private static (int Exit, string Output, string Error) RunIn(string folder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Procurement.Rules.Cli.Program.Run(args, output, error, folder);
        return (exit, output.ToString(), error.ToString());
    }

    private static void AssertOneLine(string expected, (int Exit, string Output, string Error) run)
    {
        Assert.Equal(2, run.Exit);
        Assert.Equal(expected + Environment.NewLine, run.Error);
    }

    [Fact]
    public void BinaryFile_IsNotYamlText()
    {
        var path = Write("ls.yaml", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0]);

        AssertOneLine($"{path}:1:1: error not-text: Not a YAML text file: it holds the control character U+007F (a binary file?).", Run("validate", path));
    }

    [Fact]
    public void RandomBytes_AreNotYamlText()
    {
        var bytes = new byte[1 << 20];
        new Random(19).NextBytes(bytes);
        bytes[0] = (byte)'a';
        bytes[1] = 0xC3; // a lead byte without its continuation: not UTF-8
        bytes[2] = (byte)'b';
        var path = Write("random.yaml", bytes);

        AssertOneLine($"{path}:1:2: error not-text: Not a YAML text file: it holds bytes that are not UTF-8 text (a binary file?).", Run("validate", path));
    }

    [Fact]
    public void BinaryRuleFile_IsNotYamlText()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "packs")).FullName;
        File.WriteAllBytes(Path.Combine(rules, "pack.yaml"), [(byte)'p', (byte)'a', 0, 0]);

        var run = Run("lint", "--rules", rules);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"{Path.Combine(rules, "pack.yaml")}:1:3: error not-text: Not a YAML text file: it holds the control character U+0000 (a binary file?).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_AsDesign_IsOneLine()
    {
        AssertOneLine($"{_folder}:1:1: error file-unreadable: This is a directory, not a design file; name the design's .yaml file.", Run("validate", _folder));
    }

    [Fact]
    public void Directory_AsOverrideFile_IsOneLine()
    {
        AssertOneLine(
            $"{_folder}:1:1: error file-unreadable: This is a directory, not a rule file; give a directory of packs with --rules.",
            Run("validate", Example("haaglanden.yaml"), "--override", _folder));
    }

    [Fact]
    public void TopLevelList_IsOneLine()
    {
        var path = Write("list.yaml", "- design: x\n- region: y\n"u8.ToArray());

        AssertOneLine($"{path}:1:1: error wrong-type: A design file must be a mapping with keys such as 'design', 'region', 'period' and 'lots'; found a list.", Run("validate", path));
    }

    [Fact]
    public void TopLevelList_InARuleFile_IsOneLine()
    {
        var path = Write("list.yaml", "- pack: x\n"u8.ToArray());

        AssertOneLine($"{path}:1:1: error wrong-type: A rule file must be a mapping with keys such as 'pack', 'version' and 'rules'; found a list.", Run("validate", Example("haaglanden.yaml"), "--override", path));
    }

    [Fact]
    public void MistypedCommand_SuggestsTheNearest()
    {
        AssertOneLine("error: unknown command 'valdate'; did you mean 'validate'? See 'procurement-rules --help'.", Run("valdate", "x.yaml"));
    }

    [Fact]
    public void UnknownCommand_FarFromAll_ListsThem()
    {
        var run = Run("frobnicate");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("error: unknown command 'frobnicate'; the commands are validate, explain, ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void NoCommand_PrintsTheHelp()
    {
        var run = Run();

        Assert.Equal(2, run.Exit);
        Assert.Contains("validate", run.Output, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Equal("error: no command given; see the commands above." + Environment.NewLine, run.Error);
    }

    [Fact]
    public void UnknownSubject_ExitsTwoWithTheNearestSubjects()
    {
        AssertOneLine(
            "error: rule MC-002 has no subject 'careProfiles[zhz-zp-01]' in zhz-inkoopkader-2018-2021; did you mean 'careProfiles[zhz-zp-001]', 'careProfiles[zhz-zp-010]' or 'careProfiles[zhz-zp-011]'?",
            Run("explain", Example("zuid-holland-zuid.yaml"), "--rule", "MC-002", "--subject", "careProfiles[zhz-zp-01]"));
    }

    [Fact]
    public void MisspeltModelMember_InARule_NamesTheMember()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "packs")).FullName;
        File.WriteAllText(Path.Combine(rules, "pack.yaml"), """
            pack: one
            version: 1.0.0
            rules:
              - id: X-1
                title: Short profiles
                for: profile in CareProfiles
                require:
                  short: profile.DuratonMonths <= 12
            """);

        AssertOneLine(
            $"{Path.Combine(rules, "pack.yaml")}:8:22: error invalid-expression: No property or field 'DuratonMonths' exists in type 'CareProfile' (at 'DuratonMonths'); did you mean 'DurationMonths'?",
            Run("validate", Example("haaglanden.yaml"), "--rules", rules));
    }

    [Fact]
    public void UnknownOverrideParameter_IsALoadError()
    {
        var path = Write("zhz-2019.yaml", "pack: zhz-2019\nextends: coverage\nparameters:\n  minHeavyProvider: 3\n"u8.ToArray());

        AssertOneLine(
            $"{path}:4:3: error unknown-parameter: Parameter 'minHeavyProvider' is not defined by 'coverage' or the packs it extends; did you mean 'minHeavyProviders'?",
            Run("validate", Example("haaglanden.yaml"), "--override", path));
    }
}
