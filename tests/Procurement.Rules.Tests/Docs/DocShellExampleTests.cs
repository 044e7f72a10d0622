using System.Text.RegularExpressions;
using Procurement.Rules.Cli;
using Xunit;

namespace Procurement.Rules.Tests.Docs;

/// <summary>
/// The tool's commands in the shell examples of README.md and docs/*.md run with the exit code the page documents. A
/// ```` ```bash ```` block right after <c>&lt;!-- example: exit 1 0 skip --&gt;</c> lists one exit code per command of
/// the tool in it (a line starting with <c>dotnet run --project src/Cli --</c> or <c>procurement-rules</c>), or
/// <c>skip</c> for one that needs files a reader brings along; other lines (<c>bash .ci/run</c>) are not run. Each
/// runs in process in the repository root, with its paths taken from there. A wrong documented code fails the check.
/// </summary>
public sealed partial class DocShellExampleTests
{
    public static TheoryData<string, int, string, int> Commands()
    {
        var data = new TheoryData<string, int, string, int>();
        foreach (var command in DocPages.All().SelectMany(Blocks))
        {
            data.Add(command.File, command.Line, command.Text, command.Exit);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DocumentedCommand_ExitsAsDocumented(string file, int line, string command, int exit)
    {
        Assert.Null(Check(file, line, command, exit));
    }

    [Fact]
    public void TheSetUpCommandAndTheRuleAuthorsCommands_AreAmongTheCheckedOnes()
    {
        var commands = DocPages.All().SelectMany(Blocks).Select(c => $"{c.File}: {c.Text}").ToList();

        Assert.Contains("README.md: dotnet run --project src/Cli -- validate examples/zuid-holland-zuid.yaml", commands);
        Assert.Contains("docs/writing-rules.md: dotnet run --project src/Cli -- test --min-coverage 100", commands);
        Assert.Contains(commands, c => c.StartsWith("docs/waivers.md: procurement-rules validate", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCheck_FailsAWronglyDocumentedExitCode()
    {
        var failure = Check("README.md", 16, "dotnet run --project src/Cli -- validate examples/zuid-holland-zuid.yaml", 0);

        Assert.NotNull(failure);
        Assert.StartsWith("README.md:16: 'dotnet run --project src/Cli -- validate examples/zuid-holland-zuid.yaml' exited 1, the page says 0", failure, StringComparison.Ordinal);
    }

    private static string? Check(string file, int line, string command, int exit)
    {
        var arguments = Arguments(command).Select(a => !a.StartsWith('-') && Path.Exists(Path.Combine(Repository.Root, a)) ? Path.Combine(Repository.Root, a) : a).ToArray();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var actual = Program.Run(arguments, output, error, Repository.Root);
        return actual == exit ? null : $"{file}:{line}: '{command}' exited {actual}, the page says {exit}:\n{error}{output}";
    }

    // The arguments after the tool's name; the examples quote nothing, so blanks separate them.
    private static string[] Arguments(string command) =>
        ToolPrefix().Replace(command, "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<Command> Blocks(string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var file = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        foreach (Match match in MarkedBlock().Matches(text))
        {
            var codes = match.Groups["codes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var firstLine = text[..match.Groups["code"].Index].Count(c => c == '\n') + 1;
            var commands = match.Groups["code"].Value.Split('\n')
                .Select((l, i) => (Text: Comment().Replace(l, "").Trim(), Line: firstLine + i))
                .Where(l => ToolPrefix().IsMatch(l.Text))
                .ToList();
            if (commands.Count != codes.Length)
            {
                throw new InvalidOperationException($"{file}:{firstLine}: {commands.Count} command(s) of the tool but {codes.Length} exit code(s) in the marker.");
            }

            foreach (var (command, code) in commands.Zip(codes))
            {
                if (code != "skip")
                {
                    yield return new Command(file, command.Line, command.Text, int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private sealed record Command(string File, int Line, string Text, int Exit);

    [GeneratedRegex("<!-- example: exit (?<codes>[0-9a-z ]+) -->\\n```bash\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex("^(dotnet run --project src/Cli --|procurement-rules)( |$)")]
    private static partial Regex ToolPrefix();

    [GeneratedRegex("\\s+#.*$")]
    private static partial Regex Comment();
}
