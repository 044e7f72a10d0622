namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The editable rule files of the folder: the packs in its rule directories, the override files and the rule tests
/// (<c>tests/</c> under a rule directory), each with its kind; only files inside the served folder.
/// </summary>
internal static class RuleFiles
{
    public const string Pack = "pack";
    public const string Override = "override";
    public const string RuleTests = "ruletests";
    public const string Waivers = "waivers";

    /// <summary>Every rule file with its kind (full paths), packs first, then rule tests, then override files.</summary>
    public static IReadOnlyList<(string FullPath, string Kind)> List(Workspace workspace)
    {
        var files = new List<(string, string)>();
        foreach (var directory in workspace.RuleDirectories.Where(d => Directory.Exists(d) && workspace.Files.IsInside(d)))
        {
            files.AddRange(Workspace.RuleFilesIn(directory).Select(f => (f, IsOverride(f) ? Override : Pack)));
            files.AddRange(Procurement.Rules.RuleTests.RuleTestRunner.FindTestFiles(Path.Combine(directory, "tests")).Select(f => (f, RuleTests)));
        }

        files.AddRange(workspace.OverrideFiles.Where(workspace.Files.IsInside).Select(f => (f, Override)));
        files.AddRange(WorkspaceWaivers.Files(workspace.Files.Root).Select(f => (f, Waivers)));
        return files;
    }

    /// <summary>The kind of the file at <paramref name="fullPath"/> as a rule file: waivers, pack, override or rule tests; null when it is none (not in a rule directory nor an override file).</summary>
    public static string? KindOf(Workspace workspace, string fullPath)
    {
        if (WaiverFile.IsWaiverFile(fullPath) && workspace.Files.IsInside(fullPath))
        {
            return Waivers;
        }

        if (workspace.OverrideFiles.Contains(fullPath, StringComparer.Ordinal))
        {
            return Override;
        }

        foreach (var directory in workspace.RuleDirectories)
        {
            if (string.Equals(Path.GetDirectoryName(fullPath), directory, StringComparison.Ordinal))
            {
                return File.Exists(fullPath) && IsOverride(fullPath) ? Override : Pack;
            }

            if (string.Equals(Path.GetDirectoryName(fullPath), Path.Combine(directory, "tests"), StringComparison.Ordinal))
            {
                return RuleTests;
            }
        }

        return null;
    }

    /// <summary>Whether the text is a rule source the rule set is built from (a pack or an override), not a rule-test file.</summary>
    public static bool IsRuleSource(string? kind) => kind is Pack or Override;

    // An override file extends a pack: 'extends:' at the start of a line near the top.
    private static bool IsOverride(string file)
    {
        try
        {
            return File.ReadLines(file).Take(200).Any(l => l.StartsWith("extends:", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
