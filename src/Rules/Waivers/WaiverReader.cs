using Procurement.Rules.Model;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Waivers;

/// <summary>
/// Reads a waiver file into waivers, recording every error with its position and carrying on: unknown or missing fields,
/// dates that are not dates, a rule the rule set does not have, a subject that is no subject path, an empty
/// justification or approver, an expiry before the decision, and an id used twice.
/// </summary>
internal static class WaiverReader
{
    /// <summary>The waivers of <paramref name="text"/> and its errors; <paramref name="ruleIds"/> null accepts any rule id.</summary>
    public static LoadResult<IReadOnlyList<Waiver>> Read(string text, string file, IReadOnlySet<string>? ruleIds, YamlLimits limits)
    {
        if (text.Length > limits.MaxFileBytes)
        {
            return new([], [new LoadError(LoadErrorCodes.LimitExceeded, $"The waiver file is over the limit of {limits.MaxFileBytes:N0} bytes (limit MaxFileBytes).", file, 1, 1)]);
        }

        var reader = new YamlFieldReader(file, limits);
        var root = YamlTreeReader.Read(text, limits, reader);
        if (root is null && reader.Errors.Count == 0)
        {
            reader.Error(SourceSpan.At(1, 1), LoadErrorCodes.MissingField, "The waiver file is empty; it needs a list 'waivers'.");
        }

        var fields = root is null ? null : reader.Mapping(root, "a waiver file", WaiverSchema.File.Keys);
        var waivers = new List<Waiver>();
        if (fields is null)
        {
            return new(waivers, reader.Errors);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in reader.Sequence(reader.Required(fields, "waivers"), "waivers").TakeWhile(_ => !reader.Stopped))
        {
            if (ReadEntry(reader, node, ruleIds, ids) is { } waiver)
            {
                waivers.Add(waiver);
            }
        }

        return new(waivers, reader.Errors);
    }

    private static Waiver? ReadEntry(YamlFieldReader reader, YamlNodeBase node, IReadOnlySet<string>? ruleIds, HashSet<string> ids)
    {
        var fields = reader.Mapping(node, "a waiver", WaiverSchema.Entry.Keys);
        if (fields is null)
        {
            return null;
        }

        var errors = reader.Errors.Count;
        var id = reader.Text(fields["id"], "waiver id");
        var rule = reader.Text(reader.Required(fields, "rule"), "rule id");
        var subject = reader.Text(reader.Required(fields, "subject"), "subject");
        var justification = reader.Text(reader.Required(fields, "justification"), "justification");
        var approvedBy = reader.Text(reader.Required(fields, "approvedBy"), "approver");
        var decided = reader.Date(fields["decided"], "the decision date");
        var expires = reader.Date(reader.Required(fields, "expires"), "the expiry date");
        var design = reader.Text(fields["design"], "design id");
        var reference = reader.Text(fields["reference"], "reference");
        if (id is { } given && !ids.Add(given.Value))
        {
            reader.Error(given.Span, LoadErrorCodes.DuplicateId, $"Waiver id '{given.Value}' is used twice in this file; give each waiver its own id.");
        }

        if (rule is { } r && ruleIds is not null && !ruleIds.Contains(r.Value))
        {
            reader.Error(r.Span, RuleErrorCodes.UnknownRule, $"The waiver names rule '{r.Value}', which the rule set does not have; check the rule id (e.g. CO-003).");
        }

        if (subject is { } s && !SubjectPattern.IsValid(s.Value))
        {
            reader.Error(s.Span, LoadErrorCodes.BadValue, $"'{s.Value}' is not a subject path; write it as findings name it, e.g. lots[crisis].heavy or careProfiles[zl-zp-*].");
        }

        Blank(reader, justification, "The justification is empty; say why the deviation is accepted.");
        Blank(reader, approvedBy, "The approver is empty; say who approved the deviation.");
        if (decided is { } from && expires is { } until && until < from)
        {
            reader.Error(fields["expires"]!.Span, LoadErrorCodes.BadValue, $"The waiver expires ({until:yyyy-MM-dd}) before it was decided ({from:yyyy-MM-dd}).");
        }

        if (reader.Errors.Count > errors || rule is null || subject is null || justification is null || approvedBy is null || expires is null)
        {
            return null;
        }

        return new Waiver
        {
            Id = id?.Value,
            RuleId = rule.Value.Value,
            DesignId = design?.Value,
            Subject = subject.Value.Value,
            Justification = justification.Value.Value.Trim(),
            ApprovedBy = approvedBy.Value.Value.Trim(),
            Decided = decided,
            Expires = expires.Value,
            Reference = reference?.Value,
            Location = new SourceLocation(reader.File, fields.Line, fields.Column),
        };
    }

    private static void Blank(YamlFieldReader reader, Located<string>? text, string message)
    {
        if (text is { } t && string.IsNullOrWhiteSpace(t.Value))
        {
            reader.Error(t.Span, LoadErrorCodes.MissingField, message);
        }
    }
}
