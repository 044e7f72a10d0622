using System.CommandLine;
using System.Globalization;

namespace Procurement.Rules.Cli;

/// <summary>The <c>--as-of</c> option the commands share, and reading it with a one-line error for a bad date.</summary>
internal static class ReferenceDate
{
    public static Option<string?> Option(string description) => new("--as-of") { Description = description };

    /// <summary>False (with the error written) when the value is not a yyyy-MM-dd date; <paramref name="date"/> is null when the option was not given.</summary>
    public static bool TryRead(ParseResult parse, Option<string?> option, TextWriter error, out DateOnly? date)
    {
        date = null;
        if (parse.GetValue(option) is not { } text)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            error.WriteLine($"error: --as-of '{text}' is not a date; write it as yyyy-MM-dd.");
            return false;
        }

        date = parsed;
        return true;
    }
}
