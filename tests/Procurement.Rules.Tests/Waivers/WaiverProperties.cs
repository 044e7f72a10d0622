using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;
using Procurement.Rules.Tests.Properties;
using Procurement.Rules.Tests.Reporting;
using Xunit;

namespace Procurement.Rules.Tests.Waivers;

/// <summary>
/// What a waiver may change (issue 20): a valid one takes exactly the findings of its rule and subject out of the counted
/// set and changes nothing else; an expired one changes nothing but the note; none ever touches another rule or subject.
/// The cases are the four examples with waivers for their own findings' rules and subjects, for others, and patterns.
/// </summary>
public sealed class WaiverProperties
{
    private const int Cases = 150;

    private static readonly Lazy<(TenderDesign Design, EvaluationReport Plain)[]> Examples = new(() =>
        [.. ReportDocuments.Examples.Select(ReportDocuments.Example).Select(d => (d, Shipped.Rules.Evaluate(d)))]);

    private static Gen<Waiver> WaiverFor(EvaluationReport plain, bool active) =>
        from rule in Gen.Elements(Shipped.Rules.Rules.Select(r => r.Id).Concat(plain.Findings.Select(f => f.RuleId)).ToArray())
        from subject in Gen.Elements(plain.Findings.Select(f => f.Subject).Append("lots[nowhere]").Append("design").ToArray())
        from pattern in Gen.Elements(0, 1, 2)
        from days in Gen.Choose(active ? 0 : -400, active ? 400 : -1)
        from scoped in Gen.Elements(false, true)
        select new Waiver
        {
            RuleId = rule,
            Subject = pattern switch
            {
                1 when subject.IndexOf('[', StringComparison.Ordinal) is var at and > 0 => subject[..(at + 1)] + "*" + subject[subject.IndexOf(']', StringComparison.Ordinal)..],
                2 when subject.Length > 3 => subject[..3] + "*",
                _ => subject,
            },
            DesignId = scoped ? plain.DesignId : null,
            Justification = "j",
            ApprovedBy = "a",
            Expires = plain.AsOf.AddDays(days),
        };

    private static Arbitrary<(int Example, Waiver[] Waivers)> Cased(bool active, int most) =>
        Arb.From(
            from example in Gen.Choose(0, ReportDocuments.Examples.Length - 1)
            from count in Gen.Choose(1, most)
            from waivers in WaiverFor(Examples.Value[example].Plain, active).ArrayOf(count)
            select (example, waivers));

    [Fact]
    public void A_valid_waiver_removes_exactly_its_findings_from_the_counted_set_and_changes_no_other_finding() =>
        PropertyRun.Check(nameof(A_valid_waiver_removes_exactly_its_findings_from_the_counted_set_and_changes_no_other_finding), Cases, Cased(true, 1), x =>
        {
            var (design, plain) = Examples.Value[x.Example];
            var waiver = x.Waivers[0];

            var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = x.Waivers });

            Assert.Equal(plain.Findings.Count, report.Findings.Count);
            for (var i = 0; i < plain.Findings.Count; i++)
            {
                var (before, after) = (plain.Findings[i], report.Findings[i]);
                if (Covers(waiver, before))
                {
                    Assert.True(after.IsWaived);
                    Assert.Equal(waiver.Expires, after.Waiver!.Expires);
                    Assert.Equal(before, after with { Waiver = null });
                }
                else
                {
                    Assert.Equal(before, after);
                }
            }

            var covered = plain.Findings.Where(f => Covers(waiver, f)).ToArray();
            Assert.Equal(plain.ErrorCount - covered.Count(f => f.Severity == Severity.Error), report.ErrorCount);
            Assert.Equal(plain.WarningCount - covered.Count(f => f.Severity == Severity.Warning), report.WarningCount);
            Assert.Equal(plain.InfoCount - covered.Count(f => f.Severity == Severity.Info), report.InfoCount);
            Assert.Equal(covered.Length, report.WaivedCount);
            Assert.Equal(covered.Length, Assert.Single(report.Waivers!).Matched);
        });

    [Fact]
    public void An_expired_waiver_changes_nothing_but_the_note() =>
        PropertyRun.Check(nameof(An_expired_waiver_changes_nothing_but_the_note), Cases, Cased(false, 3), x =>
        {
            var (design, plain) = Examples.Value[x.Example];

            var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = x.Waivers });

            Assert.Equal(plain.Findings, report.Findings.Select(f => f with { Waiver = null }));
            Assert.All(report.Findings.Where(f => f.Waiver is not null), f => Assert.Equal(WaiverState.Expired, f.Waiver!.State));
            Assert.Equal(plain.Findings.Count(f => x.Waivers.Any(w => Covers(w, f))), report.Findings.Count(f => f.Waiver is not null));
            Assert.Equal((plain.ErrorCount, plain.WarningCount, plain.InfoCount, 0), (report.ErrorCount, report.WarningCount, report.InfoCount, report.WaivedCount));
            Assert.All(Enum.GetValues<Severity>(), s => Assert.Equal(plain.HasFindingsAtOrAbove(s), report.HasFindingsAtOrAbove(s)));
        });

    [Fact]
    public void Waivers_never_hide_findings_of_another_rule_or_subject() =>
        PropertyRun.Check(nameof(Waivers_never_hide_findings_of_another_rule_or_subject), Cases, Cased(true, 4), x =>
        {
            var (design, plain) = Examples.Value[x.Example];

            var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = x.Waivers });

            for (var i = 0; i < plain.Findings.Count; i++)
            {
                var covered = x.Waivers.Any(w => Covers(w, plain.Findings[i]));
                Assert.Equal(covered, report.Findings[i].IsWaived);
                if (!covered)
                {
                    Assert.Equal(plain.Findings[i], report.Findings[i]);
                }
            }
        });

    [Fact]
    public void A_waiver_for_another_design_is_not_applied_nor_listed()
    {
        var (design, plain) = Examples.Value[3];
        var waiver = new Waiver { RuleId = "CO-003", DesignId = "another", Subject = "lots[crisis].heavy", Justification = "j", ApprovedBy = "a", Expires = plain.AsOf };

        var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = [waiver] });

        Assert.Equal(plain.Findings, report.Findings);
        Assert.Empty(report.Waivers!);
    }

    [Fact]
    public void A_waiver_expiring_within_the_warning_days_is_flagged_and_one_that_matched_nothing_shows_zero()
    {
        var (design, plain) = Examples.Value[3];
        Waiver Waiver(string subject, int days) => new() { RuleId = "CO-003", Subject = subject, Justification = "j", ApprovedBy = "a", Expires = plain.AsOf.AddDays(days) };

        var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = [Waiver("lots[crisis].heavy", 30), Waiver("lots[verblijf].heavy", 31)], WaiverExpiryWarningDays = 30 });

        Assert.Equal([(1, true), (0, false)], report.Waivers!.Select(u => (u.Matched, u.ExpiresSoon)));
    }

    [Fact]
    public void On_one_finding_an_active_waiver_wins_over_an_expired_one_and_the_later_expiry_over_the_earlier()
    {
        var (design, plain) = Examples.Value[3];
        Waiver Waiver(string id, int days) => new() { Id = id, RuleId = "CO-003", Subject = "lots[crisis].*", Justification = "j", ApprovedBy = "a", Expires = plain.AsOf.AddDays(days) };

        var report = Shipped.Rules.Evaluate(design, new EvaluationOptions { Waivers = [Waiver("old", -1), Waiver("short", 10), Waiver("long", 20), Waiver("long-too", 20)] });

        Assert.Equal("long", Assert.Single(report.Findings, f => f.RuleId == "CO-003").Waiver!.Id);
        Assert.Equal([1, 1, 1, 1], report.Waivers!.Select(u => u.Matched));
    }

    /// <summary>The oracle: the waiver's rule, and its subject as an anchored regular expression with <c>*</c> as <c>.*</c>.</summary>
    private static bool Covers(Waiver waiver, Finding finding) =>
        waiver.RuleId == finding.RuleId
        && Regex.IsMatch(finding.Subject, "^" + Regex.Escape(waiver.Subject).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
