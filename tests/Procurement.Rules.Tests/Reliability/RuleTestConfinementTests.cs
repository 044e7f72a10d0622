using System.Diagnostics;
using Procurement.Rules.Model;
using Procurement.Rules.RuleTests;
using Procurement.Rules.Tests.Cli;
using Procurement.Rules.Tests.Model;
using Procurement.Rules.Tests.Rules;
using Xunit;

namespace Procurement.Rules.Tests.Reliability;

/// <summary>
/// A rule-test file reads files only inside its rules folder: every path that is absolute, leads out through <c>..</c>
/// or a symbolic link, is not a regular file or is too large is refused at its position, is never opened, and nothing
/// of a file outside the folder shows in any output.
/// </summary>
public sealed class RuleTestConfinementTests : IDisposable
{
    // Would show in an "unknown field" error if the file were read as YAML, and is the text a replacement would look for.
    private const string Secret = "root:SECRET-LINE-7f3a:0:0";

    private readonly string _directory = Directory.CreateTempSubdirectory("pr-confine-").FullName;

    public RuleTestConfinementTests()
    {
        Directory.CreateDirectory(Path.Combine(Tests, "designs"));
        File.WriteAllText(Path.Combine(Tests, "designs", "sample.yaml"), SampleDesigns.Valid);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(SecretFile, Secret + "\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string RulesFolder => Path.Combine(_directory, "rules");

    private string Tests => Path.Combine(RulesFolder, "tests");

    private string TestFile => Path.Combine(Tests, "confined.yaml");

    private string Outside => Path.Combine(_directory, "outside");

    private string SecretFile => Path.Combine(Outside, "secret.yaml");

    private static RuleSet Oracle => RuleFiles.LoadOrThrow(EvaluationTests.OraclePack);

    /// <summary>A test file with <paramref name="basePath"/> as its base and one test that finds the text of the secret.</summary>
    private static string WithBase(string basePath) => $"""
        base: {basePath}
        tests:
          - name: reveal
            replace:
              - {"{"} find: "{Secret}", with: "x" {"}"}
            absent: [O-2]
        """;

    private (RuleTestReport Report, string Output) Run(string tests)
    {
        File.WriteAllText(TestFile, tests);
        var report = RuleTestRunner.Run(Oracle, RuleTestRunner.FindTestFiles(Tests));
        var output = string.Join("\n", report.Errors.Select(e => e.ToString()).Concat(report.Tests.Select(t => t.Describe())));
        Assert.DoesNotContain("SECRET", output, StringComparison.Ordinal);
        return (report, output);
    }

    private (RuleTestReport Report, LoadError Error) Refused(string tests, string code, int line, int column)
    {
        var (report, _) = Run(tests);
        var error = Assert.Single(report.Errors);
        Assert.Equal((code, TestFile, line, column), (error.Code, error.File, error.Line, error.Column));
        return (report, error);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void AbsoluteBase_IsRefusedAtItsValue()
    {
        var (report, error) = Refused(WithBase(SecretFile), RuleErrorCodes.PathOutsideFolder, 1, 7);

        Assert.Empty(report.Tests);
        Assert.Equal($"'{SecretFile}' is an absolute path; name a file inside the rules folder, relative to this file.", error.Message);
    }

    [Fact]
    public void DevZero_IsRefusedWithoutReadingIt()
    {
        var (report, _) = Refused(WithBase("/dev/zero"), RuleErrorCodes.PathOutsideFolder, 1, 7);

        Assert.Empty(report.Tests);
    }

    [Fact]
    public void DotDotOutOfTheFolder_IsRefused()
    {
        var (report, error) = Refused(WithBase("../../outside/secret.yaml"), RuleErrorCodes.PathOutsideFolder, 1, 7);

        Assert.Empty(report.Tests);
        Assert.Equal($"'../../outside/secret.yaml' leads out of the rules folder {RulesFolder}; rule tests read only files inside it.", error.Message);
    }

    [Fact]
    public void SiblingFolderWhoseNameStartsLikeTheRulesFolder_IsOutside()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "rules-other"));
        File.WriteAllText(Path.Combine(_directory, "rules-other", "sample.yaml"), SampleDesigns.Valid);

        Refused(WithBase("../../rules-other/sample.yaml"), RuleErrorCodes.PathOutsideFolder, 1, 7);
    }

    [Fact]
    public void DotDotThatStaysInside_Runs()
    {
        File.WriteAllText(Path.Combine(RulesFolder, "top.yaml"), SampleDesigns.Valid);

        var (report, _) = Run("""
            base: ../tests/./designs/../designs/sample.yaml
            tests:
              - name: base through dots
                absent: [O-2]
              - name: design in the rules folder itself
                design: ../top.yaml
                absent: [O-2]
            """);

        Assert.Empty(report.Errors);
        Assert.Equal(2, report.Tests.Count);
        Assert.All(report.Tests, t => Assert.True(t.Passed, t.Describe()));
    }

    [Fact]
    public void SymbolicLinkToAFileOutside_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(Tests, "designs", "link.yaml"), SecretFile);

        var (report, error) = Refused(WithBase("designs/link.yaml"), RuleErrorCodes.PathOutsideFolder, 1, 7);

        Assert.Empty(report.Tests);
        Assert.Equal($"'designs/link.yaml' leads through a symbolic link out of the rules folder {RulesFolder}; rule tests read only files inside it.", error.Message);
    }

    [Fact]
    public void RelativeSymbolicLinkToDevZero_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(Tests, "designs", "zero.yaml"), "../../../../../../../../../../../../dev/zero");

        Refused(WithBase("designs/zero.yaml"), RuleErrorCodes.PathOutsideFolder, 1, 7);
    }

    [Fact]
    public void SymbolicLinkedFolderOutside_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Tests, "shared"), Outside);

        Refused(WithBase("shared/secret.yaml"), RuleErrorCodes.PathOutsideFolder, 1, 7);
    }

    [Fact]
    public void SymbolicLinksInsideTheFolder_AreFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(Tests, "designs", "alias.yaml"), "sample.yaml");
        Directory.CreateSymbolicLink(Path.Combine(Tests, "mirror"), Path.Combine(Tests, "designs"));

        var (report, _) = Run("""
            base: designs/alias.yaml
            tests:
              - name: through a file link
                absent: [O-2]
              - name: through a folder link
                design: mirror/sample.yaml
                absent: [O-2]
            """);

        Assert.Empty(report.Errors);
        Assert.All(report.Tests, t => Assert.True(t.Passed, t.Describe()));
    }

    [Fact]
    public void Fifo_IsRefusedWithoutOpeningIt()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no named pipes in the file system.");
        MakeFifo(Path.Combine(Tests, "designs", "pipe.yaml"));

        var (report, error) = Refused(WithBase("designs/pipe.yaml"), RuleErrorCodes.NotARegularFile, 1, 7);

        Assert.Empty(report.Tests);
        Assert.Equal("'designs/pipe.yaml' is a named pipe (FIFO), not a regular file.", error.Message);
    }

    [Fact]
    public void PortableCheck_WhereStatxIsMissing_TakesEveryEmptyEntryForASpecialFile()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no named pipes in the file system.");
        var designs = Path.Combine(Tests, "designs");
        MakeFifo(Path.Combine(designs, "pipe.yaml"));
        File.WriteAllText(Path.Combine(designs, "empty.yaml"), "");

        Assert.Equal(FileKind.Unknown, FileKinds.Portable(Path.Combine(designs, "pipe.yaml")).Kind);
        Assert.Equal(FileKind.Unknown, FileKinds.Portable("/dev/zero").Kind);
        Assert.Equal(FileKind.Unknown, FileKinds.Portable(Path.Combine(designs, "empty.yaml")).Kind);
        Assert.Equal(FileKind.Directory, FileKinds.Portable(designs).Kind);
        Assert.Equal(FileKind.Missing, FileKinds.Portable(Path.Combine(designs, "nowhere.yaml")).Kind);
        Assert.Equal((FileKind.Regular, SampleDesigns.Valid.Length), FileKinds.Portable(Path.Combine(designs, "sample.yaml")));
    }

    [Fact]
    public void SymbolicLinkLoop_IsUnreadable()
    {
        File.CreateSymbolicLink(Path.Combine(Tests, "designs", "loop.yaml"), "loop.yaml");

        var (_, error) = Refused(WithBase("designs/loop.yaml"), LoadErrorCodes.FileUnreadable, 1, 7);

        Assert.Equal("'designs/loop.yaml' cannot be resolved: Too many levels of symbolic links.", error.Message);
    }

    [Fact]
    public void Directory_IsRefused()
    {
        var (_, error) = Refused(WithBase("designs"), RuleErrorCodes.NotARegularFile, 1, 7);

        Assert.Equal("'designs' is a directory, not a regular file.", error.Message);
    }

    [Fact]
    public void OversizedFile_IsRefusedBeforeItIsRead()
    {
        var limit = RuleLimits.Default.Yaml.MaxFileBytes;
        using (var big = File.Create(Path.Combine(Tests, "designs", "big.yaml")))
        {
            big.SetLength(limit + 1);
        }

        var (_, error) = Refused(WithBase("designs/big.yaml"), LoadErrorCodes.LimitExceeded, 1, 7);

        Assert.Equal($"'designs/big.yaml' is {limit + 1:N0} bytes, over the limit of {limit:N0} (limit MaxFileBytes).", error.Message);
    }

    [Fact]
    public void FileAtTheLimit_IsRead()
    {
        var limit = (int)RuleLimits.Default.Yaml.MaxFileBytes;
        File.WriteAllText(Path.Combine(Tests, "designs", "padded.yaml"), SampleDesigns.Valid + new string('#', limit - SampleDesigns.Valid.Length));

        var (report, _) = Run("""
            base: designs/padded.yaml
            tests:
              - name: exactly at the limit
                absent: [O-2]
            """);

        Assert.Empty(report.Errors);
        Assert.True(Assert.Single(report.Tests).Passed, report.Tests[0].Describe());
    }

    [Fact]
    public void MissingFile_IsAPositionedError()
    {
        var (_, error) = Refused(WithBase("designs/nowhere.yaml"), LoadErrorCodes.FileUnreadable, 1, 7);

        Assert.Equal("'designs/nowhere.yaml' does not exist.", error.Message);
    }

    [Fact]
    public void RefusedDesignOfOneTest_IsAnErrorAtItsValue_AndTheOtherTestsRun()
    {
        var (report, _) = Refused("""
            base: designs/sample.yaml
            tests:
              - name: fine
                absent: [O-2]
              - name: reveal
                design: ../../outside/secret.yaml
                replace:
                  - { find: "root:SECRET-LINE-7f3a", with: "x" }
                absent: [O-2]
              - name: also fine
                absent: [O-2]
            """, RuleErrorCodes.PathOutsideFolder, 6, 13);

        Assert.Equal(["fine", "also fine"], report.Tests.Select(t => t.Name));
    }

    [Fact]
    public void RefusedBase_IsOneError_AndOnlyTestsWithTheirOwnDesignRun()
    {
        var (report, _) = Refused("""
            base: ../../outside/secret.yaml
            tests:
              - name: on the base
                absent: [O-2]
              - name: own design
                design: designs/sample.yaml
                absent: [O-2]
              - name: on the base again
                absent: [O-2]
            """, RuleErrorCodes.PathOutsideFolder, 1, 7);

        Assert.Equal("own design", Assert.Single(report.Tests).Name);
    }

    [Fact]
    public void TestFileThatLinksOutside_IsRefusedAtItsStart()
    {
        var link = Path.Combine(Tests, "linked.yaml");
        File.CreateSymbolicLink(link, SecretFile);

        var report = RuleTestRunner.Run(Oracle, RuleTestRunner.FindTestFiles(Tests));

        var error = Assert.Single(report.Errors);
        Assert.Equal((RuleErrorCodes.PathOutsideFolder, link, 1, 1), (error.Code, error.File, error.Line, error.Column));
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TestFileThatIsAFifo_IsRefusedWithoutOpeningIt()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no named pipes in the file system.");
        var fifo = Path.Combine(Tests, "pipe.yaml");
        MakeFifo(fifo);

        var report = RuleTestRunner.Run(Oracle, RuleTestRunner.FindTestFiles(Tests));

        var error = Assert.Single(report.Errors);
        Assert.Equal((RuleErrorCodes.NotARegularFile, fifo, 1, 1), (error.Code, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Cli_RefusedBase_ExitsTwoWithOneLine()
    {
        File.WriteAllText(Path.Combine(RulesFolder, "oracle.yaml"), EvaluationTests.OraclePack);
        File.WriteAllText(TestFile, WithBase(SecretFile));

        var (exit, output, error) = CliRunner.Run("test", "--rules", RulesFolder);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"{TestFile}:1:7: error path-outside-folder: '{SecretFile}' is an absolute path; name a file inside the rules folder, relative to this file.",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r'));
        Assert.DoesNotContain("SECRET", output + error, StringComparison.Ordinal);
    }
}
