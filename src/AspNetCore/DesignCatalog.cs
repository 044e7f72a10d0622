using System.Collections.Concurrent;
using Procurement.Rules.AspNetCore.Json;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The design files of the folder (recursively; not rule packs, overrides, rule tests or waiver files) with the counts of
/// their last report. A file's report is kept while neither its content nor the rule set changed.
/// </summary>
internal sealed class DesignCatalog(Workspace workspace)
{
    private const int MaxFiles = 2000;

    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules"];

    // Top-level keys of the YAML files that are not designs.
    private static readonly string[] OtherFileKeys = ["pack:", "extends:", "tests:", "base:", "waivers:"];

    private readonly ConcurrentDictionary<string, (string Version, string RuleSetHash, DesignSummaryDto Summary)> _cache = new(StringComparer.Ordinal);

    /// <summary>The relative paths (with <c>/</c>) of the design files, in name order.</summary>
    public IReadOnlyList<string> Paths()
    {
        var excluded = new HashSet<string>(workspace.OverrideFiles, StringComparer.Ordinal);
        var ruleDirectories = workspace.RuleDirectories.Select(d => d + Path.DirectorySeparatorChar).ToArray();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = System.IO.FileAttributes.Hidden | System.IO.FileAttributes.ReparsePoint, MaxRecursionDepth = 16 };
        var root = workspace.Files.Root;
        return [.. Directory.EnumerateFiles(root, "*.*", options)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !excluded.Contains(f) && !ruleDirectories.Any(d => f.StartsWith(d, StringComparison.Ordinal)))
            .Select(workspace.Display)
            .Where(p => !p.Split('/').Any(s => s.StartsWith('.') || SkippedDirectories.Contains(s, StringComparer.OrdinalIgnoreCase)))
            .Take(MaxFiles)
            .Where(p => !IsOtherFile(Path.Combine(root, p)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every design with its counts and number of load errors; evaluates only files or rules that changed.</summary>
    public IReadOnlyList<DesignSummaryDto> List(RuleSet ruleSet, CancellationToken cancellationToken)
    {
        var summaries = new List<DesignSummaryDto>();
        foreach (var path in Paths())
        {
            var read = workspace.Files.Read(Path.Combine(workspace.Files.Root, path));
            if (read.Text is not { } text || read.Version is not { } version)
            {
                summaries.Add(new DesignSummaryDto(path, null, null, new CountsDto(0, 0, 0, 0), 1));
                continue;
            }

            if (_cache.TryGetValue(path, out var cached) && cached.Version == version && cached.RuleSetHash == ruleSet.Hash)
            {
                summaries.Add(cached.Summary);
                continue;
            }

            var summary = Summarise(ruleSet, path, text);
            _cache[path] = (version, ruleSet.Hash, summary);
            summaries.Add(summary);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return summaries;
    }

    private DesignSummaryDto Summarise(RuleSet ruleSet, string path, string text)
    {
        try
        {
            var evaluation = workspace.Evaluate(ruleSet, text, path, CancellationToken.None);
            if (evaluation.Report is not { } report)
            {
                return new DesignSummaryDto(path, null, null, new CountsDto(0, 0, 0, 0), evaluation.LoadErrors.Count);
            }

            var counts = Findings.Counts(Findings.Of(report, ruleSet));
            return new DesignSummaryDto(path, report.Design.Id, report.Design.Region, counts, evaluation.LoadErrors.Count);
        }
        catch (EvaluationBudgetExceededException)
        {
            // A design that spends the work budget is listed as not evaluable rather than failing the whole list.
            return new DesignSummaryDto(path, null, null, new CountsDto(0, 0, 0, 0), 1);
        }
    }

    // A rule pack, override, rule-test or waiver file: one of their keys at the start of a line near the top.
    private static bool IsOtherFile(string full)
    {
        try
        {
            using var reader = new StreamReader(full);
            for (var i = 0; i < 200 && reader.ReadLine() is { } line; i++)
            {
                if (OtherFileKeys.Any(k => line.StartsWith(k, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
