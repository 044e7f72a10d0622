using System.Globalization;
using System.Text.RegularExpressions;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Amounts and dates written for procurement officers in the HTML, Markdown and text reports: <c>€ 26.160.000</c> (Dutch
/// notation, no decimals when whole) and <c>1 januari 2025</c>. Findings keep their invariant text (<c>EUR 26160000</c>,
/// <c>2025-01-01</c>) for JSON and SARIF, which are read by tools; the report writers format it here, in one place.
/// </summary>
public static partial class ReportValues
{
    /// <summary>Dutch notation of numbers: <c>1.234,5</c>.</summary>
    internal static readonly NumberFormatInfo DutchNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    // The last name of a value's expression that marks it as an amount in euro: the model's budgets and contract
    // values, and parameters named as thresholds or amounts.
    private static readonly string[] AmountNames = ["budget", "threshold", "amount", "drempel", "bedrag", "waarde"];

    /// <summary>An amount in euro as officers read it: <c>€ 26.160.000</c>, or <c>€ 1.234,50</c> when it has cents.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The text.</returns>
    public static string Amount(decimal amount) =>
        "€ " + amount.ToString(decimal.Round(amount) == amount ? "#,##0" : "#,##0.00", DutchNumbers);

    /// <summary>
    /// A finding's message with its amounts (<c>EUR 26160000</c> or <c>€ 26160000</c>) and ISO dates and periods
    /// (<c>2023-01-01..2024-12-31</c>) written out in Dutch: the messages of the shipped packs are Dutch.
    /// </summary>
    /// <param name="message">The message as the rule rendered it.</param>
    /// <returns>The text for an officer.</returns>
    public static string Message(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = MoneyPattern().Replace(message, m => Amount(decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)));
        return Dates(text);
    }

    /// <summary>
    /// A value a clause read, for an officer: an amount (an expression ending in a budget, value or threshold) as
    /// <see cref="Amount"/>, a date or period written out in Dutch, anything else as it is.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Value(FindingValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsAmount(value.Expression) && decimal.TryParse(value.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return Amount(amount);
        }

        return Dates(value.Value);
    }

    private static bool IsAmount(string expression)
    {
        var last = LastName().Match(expression).Value;
        return AmountNames.Any(name => last.EndsWith(name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Dates(string text) =>
        PeriodPattern().Replace(text, m =>
        {
            if (!TryDate(m.Groups["from"].Value, out var from))
            {
                return m.Value;
            }

            if (!m.Groups["until"].Success)
            {
                return m.Groups["range"].Success ? "vanaf " + ReportText.Dutch.Date(from) : ReportText.Dutch.Date(from);
            }

            return TryDate(m.Groups["until"].Value, out var until) ? $"{ReportText.Dutch.Date(from)} t/m {ReportText.Dutch.Date(until)}" : m.Value;
        });

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"(?:\bEUR|€)[ \u00A0]?(?<n>-?\d+(?:\.\d+)?)(?![\d.]*\d)")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"(?<![\w-])(?<from>\d{4}-\d{2}-\d{2})(?<range>\.\.(?<until>\d{4}-\d{2}-\d{2})?)?(?![\w-])")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"\w+\s*$")]
    private static partial Regex LastName();
}
