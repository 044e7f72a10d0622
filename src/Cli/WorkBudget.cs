using System.CommandLine;
using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>
/// The <c>--timeout</c> and <c>--max-memory</c> options of the commands that evaluate designs: the work budget of one
/// design's evaluation, on by default (the library's defaults), <c>none</c> for no limit.
/// </summary>
internal sealed class WorkBudget
{
    public Option<string?> Timeout { get; } = new("--timeout")
    {
        Description = $"Time budget of one design's evaluation, e.g. 20s, 500ms or 2m; 'none' for no limit. Default: {EvaluationOptions.DefaultTimeout.TotalSeconds:0}s.",
    };

    public Option<string?> MaxMemory { get; } = new("--max-memory")
    {
        Description = $"Memory budget of one design's evaluation (bytes allocated), e.g. 512MB or 2GB; 'none' for no limit. Default: {EvaluationOptions.DefaultMaxAllocatedBytes >> 20}MB.",
    };

    /// <summary>
    /// <paramref name="options"/> with the budgets the command line gives (or the defaults); false, with the error
    /// written, when a value cannot be read.
    /// </summary>
    public bool TryApply(ParseResult parse, EvaluationOptions options, TextWriter error, out EvaluationOptions budgeted)
    {
        budgeted = options;
        TimeSpan? time = EvaluationOptions.DefaultTimeout;
        long? bytes = EvaluationOptions.DefaultMaxAllocatedBytes;
        if (parse.GetValue(Timeout) is { } timeText && !TryReadTime(timeText, out time))
        {
            error.WriteLine($"error: --timeout '{timeText}' is not a duration; write e.g. 20s, 500ms, 2m or none.");
            return false;
        }

        if (parse.GetValue(MaxMemory) is { } memoryText && !TryReadBytes(memoryText, out bytes))
        {
            error.WriteLine($"error: --max-memory '{memoryText}' is not a size; write e.g. 512MB, 2GB or none.");
            return false;
        }

        budgeted = options with { Timeout = time, MaxAllocatedBytes = bytes };
        return true;
    }

    internal static bool TryReadTime(string text, out TimeSpan? time)
    {
        var read = TryRead(text, unit => unit switch { "ms" => 0.001, "s" or "" => 1, "m" or "min" => 60, "h" => 3600, _ => 0 }, TimeSpan.MaxValue.TotalSeconds / 2, out var seconds);
        time = seconds is { } value ? TimeSpan.FromSeconds(value) : null;
        return read;
    }

    internal static bool TryReadBytes(string text, out long? bytes)
    {
        var read = TryRead(text, unit => unit switch { "" or "b" => 1, "kb" or "k" or "kib" => 1L << 10, "mb" or "m" or "mib" => 1L << 20, "gb" or "g" or "gib" => 1L << 30, _ => 0 }, long.MaxValue / 2, out var count);
        bytes = count is { } value ? (long)value : null;
        return read;
    }

    // A positive number with a unit (scale 0: unknown unit), in the base unit, at most max; 'none' reads as null.
    private static bool TryRead(string text, Func<string, double> scaleOf, double max, out double? value)
    {
        value = null;
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed == "none")
        {
            return true;
        }

        var at = 0;
        while (at < trimmed.Length && (char.IsAsciiDigit(trimmed[at]) || trimmed[at] == '.'))
        {
            at++;
        }

        var scale = scaleOf(trimmed[at..].Trim());
        if (scale == 0 || !double.TryParse(trimmed[..at], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number <= 0 || number * scale > max)
        {
            return false;
        }

        value = number * scale;
        return true;
    }
}
