namespace Procurement.Rules.Tests.Docs;

/// <summary>The pages whose examples the doc tests check: README.md, then docs/*.md in name order.</summary>
internal static class DocPages
{
    public static IEnumerable<string> All() =>
        [Path.Combine(Repository.Root, "README.md"), .. Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md").Order(StringComparer.Ordinal)];
}
