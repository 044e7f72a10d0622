using System.Globalization;
using System.Text;
using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Waivers;

/// <summary>
/// Appends a waiver to the text of a waiver file, leaving every existing line (comments included) as it is: the entry
/// goes at the end of the file, indented like the list's first item, every text double-quoted. The result is read back;
/// when the file's layout does not allow appending (the list is not the last thing in the file, or written inline) the
/// append is refused instead of writing a file that means something else. The entry itself is not checked here: load the
/// result (against the rule set) to find its errors.
/// </summary>
internal static class WaiverYamlWriter
{
    private const string Header =
        "# Accepted deviations (geaccepteerde afwijkingen): see docs/waivers.md.\n"
        + "waivers:\n";

    public static string Append(string? text, Waiver waiver)
    {
        var isNew = string.IsNullOrWhiteSpace(text);
        var existing = isNew ? Header : text!;
        var before = isNew ? new LoadResult<IReadOnlyList<Waiver>>([], []) : WaiverReader.Read(existing, "waivers.yaml", null, YamlLimits.Default);
        if (before.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The waiver file has errors; fix them before adding a waiver ({before.Errors[0]}).");
        }

        var indent = Indent(existing);
        var entry = new StringBuilder();
        if (!existing.EndsWith('\n'))
        {
            entry.Append('\n');
        }

        var pad = new string(' ', indent);
        var first = true;
        foreach (var (key, value) in Fields(waiver))
        {
            entry.Append(pad).Append(first ? "- " : "  ").Append(key).Append(": ").Append(value).Append('\n');
            first = false;
        }

        var result = existing + entry;
        var after = WaiverReader.Read(result, "waivers.yaml", null, YamlLimits.Default);

        // An error inside the new entry (an expiry before the decision, say) is the waiver's, not the layout's: the caller
        // loads the result and reports it with its position.
        var firstLine = existing.Count(c => c == '\n') + (existing.EndsWith('\n') ? 1 : 2);
        if (after.Errors.Count > 0 && after.Errors.All(e => e.Line >= firstLine && e.Code is LoadErrorCodes.BadValue or LoadErrorCodes.MissingField or LoadErrorCodes.DuplicateId))
        {
            return result;
        }

        if (after.Errors.Count > 0 || after.Value!.Count != before.Value!.Count + 1 || !Same(after.Value[^1], waiver))
        {
            throw new InvalidOperationException("The waiver cannot be appended: the list 'waivers' must be the last part of the file, written as a block list ('- ...' lines).");
        }

        return result;
    }

    private static bool Same(Waiver read, Waiver given) =>
        read.Id == given.Id && read.RuleId == given.RuleId && read.DesignId == given.DesignId && read.Subject == given.Subject
        && read.Justification == given.Justification.Trim() && read.ApprovedBy == given.ApprovedBy.Trim()
        && read.Decided == given.Decided && read.Expires == given.Expires && read.Reference == given.Reference;

    private static IEnumerable<(string Key, string Value)> Fields(Waiver waiver)
    {
        if (waiver.Id is { } id)
        {
            yield return ("id", Quote(id));
        }

        yield return ("rule", Quote(waiver.RuleId));
        if (waiver.DesignId is { } design)
        {
            yield return ("design", Quote(design));
        }

        yield return ("subject", Quote(waiver.Subject));
        yield return ("justification", Quote(waiver.Justification.Trim()));
        yield return ("approvedBy", Quote(waiver.ApprovedBy.Trim()));
        if (waiver.Decided is { } decided)
        {
            yield return ("decided", decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        yield return ("expires", waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (waiver.Reference is { } reference)
        {
            yield return ("reference", Quote(reference));
        }
    }

    /// <summary>The indentation of the list's items: that of its first item, or two spaces for an empty list.</summary>
    private static int Indent(string text)
    {
        var reader = new YamlFieldReader("waivers.yaml", YamlLimits.Default);
        if (YamlTreeReader.Read(text, YamlLimits.Default, reader) is YamlMapping root
            && root.Entries.FirstOrDefault(e => e.Key.Value == "waivers").Value is YamlSequence { Items.Count: > 0 } list)
        {
            return Math.Max(0, list.Items[0].Column - 3);
        }

        return 2;
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and every control character escaped; nothing else is special in it.</summary>
    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': quoted.Append("\\\\"); break;
                case '"': quoted.Append("\\\""); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\r': quoted.Append("\\r"); break;
                default:
                    if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
                    {
                        quoted.Append("\\uFFFD");
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFD' or '\uFFFE' or '\uFFFF')
                    {
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
