using System.Text.RegularExpressions;
using Procurement.Rules.Tests.Packaging;
using Xunit;

namespace Procurement.Rules.Tests.Docs;

/// <summary>
/// Every C# block in README.md and docs/*.md compiles as the Program.cs of a fresh app that installs this build's
/// packages from a folder (a web app when the block uses <c>WebApplication</c>); a block without <c>using</c>
/// directives continues the page's first block, so it gets that block's. A block right after the comment
/// <c>&lt;!-- example: run --&gt;</c> also runs, in the repository root, and must exit 0. A broken block fed through
/// the same check fails it, so the check is not vacuous.
/// </summary>
[Collection(LocalPackages.Collection)]
public sealed partial class DocCSharpExampleTests(LocalPackages packages)
{
    [Fact]
    [Trait("Category", "Package")]
    public void EveryCSharpExample_CompilesAgainstThePackages_AndTheRunnableOnesRun()
    {
        var blocks = DocPages.All().SelectMany(Blocks).ToList();

        Assert.True(blocks.Count >= 5, $"expected the README's and the hosting page's C# examples, found {blocks.Count}");
        Assert.Contains(blocks, b => b.Run);
        var failures = blocks.Select(Check).Where(f => f is not null).ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    [Trait("Category", "Package")]
    public void TheCheck_FailsABrokenExample()
    {
        var broken = new Block("README.md", 1, "using Procurement.Rules;\n\nvar rules = RuleSet.LoadDefaults().GetValueOrThrow();\n", Run: false);

        var failure = Check(broken);

        Assert.NotNull(failure);
        Assert.Contains("README.md:1:", failure, StringComparison.Ordinal);
        Assert.Contains("error CS0117", failure, StringComparison.Ordinal);
    }

    private string? Check(Block block)
    {
        var web = block.Code.Contains("WebApplication", StringComparison.Ordinal);
        var name = $"doc-{Path.GetFileNameWithoutExtension(block.File).ToLowerInvariant()}-{block.Line}";
        var app = packages.App(name, block.Code, web, web ? "Procurement.Rules.AspNetCore" : "Procurement.Rules");
        var (exit, output) = LocalPackages.TryRun(app, "dotnet", "build", app, "-c", "Release", "-v", "quiet", "-nologo");
        if (exit != 0)
        {
            var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(5);
            return $"{block.File}:{block.Line}: the example does not compile:\n{string.Join('\n', errors)}";
        }

        if (!block.Run)
        {
            return null;
        }

        (exit, output) = LocalPackages.TryRun(Repository.Root, "dotnet", "run", "--project", app, "-c", "Release", "--no-build");
        return exit == 0 ? null : $"{block.File}:{block.Line}: the example exited {exit}:\n{output}";
    }

    private static IEnumerable<Block> Blocks(string file)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var name = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
        string? usings = null;
        foreach (Match match in CSharpBlock().Matches(text))
        {
            var code = match.Groups["code"].Value;
            var own = string.Concat(code.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).Select(l => l + "\n")).Trim();
            usings ??= own.Length > 0 ? own : null;
            var line = text[..match.Index].Count(c => c == '\n') + 1;
            var run = text[..match.Index].TrimEnd().EndsWith("<!-- example: run -->", StringComparison.Ordinal);
            yield return new Block(name, line, own.Length > 0 || usings is null ? code : usings + "\n\n" + code, run);
        }
    }

    internal sealed record Block(string File, int Line, string Code, bool Run);

    [GeneratedRegex("^```csharp[^\\n]*\\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
