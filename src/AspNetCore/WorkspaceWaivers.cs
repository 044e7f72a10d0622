namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The folder's waiver files (<c>waivers.yaml</c> and <c>*.waivers.yaml</c> anywhere in it, hidden folders skipped) and
/// the waivers they hold that load against the rule set. An entry with an error is left out (the rules page shows the
/// file's errors); the others apply to every evaluation of the workbench.
/// </summary>
internal static class WorkspaceWaivers
{
    public static IEnumerable<string> Files(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            string[] files, directories;
            try
            {
                files = [.. Directory.EnumerateFiles(directory).Where(WaiverFile.IsWaiverFile)];
                directories = [.. Directory.EnumerateDirectories(directory).Where(d => !Path.GetFileName(d).StartsWith('.') && new DirectoryInfo(d).LinkTarget is null)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var child in directories.OrderDescending(StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }
    }

    public static IReadOnlyList<Waiver> Load(Workspace workspace, RuleSet? ruleSet)
    {
        if (ruleSet is null)
        {
            return [];
        }

        var waivers = new List<Waiver>();
        foreach (var file in Files(workspace.Files.Root))
        {
            var read = workspace.Files.Read(file);
            if (read.Text is { } text)
            {
                waivers.AddRange(WaiverFile.Load(text, workspace.Display(file), ruleSet, workspace.DesignLimits).Value ?? []);
            }
        }

        return waivers;
    }
}
