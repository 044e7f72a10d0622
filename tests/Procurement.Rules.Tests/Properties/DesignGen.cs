using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Procurement.Rules.Model;

namespace Procurement.Rules.Tests.Properties;

/// <summary>
/// A generated design and how it came about. FsCheck prints it on failure through <see cref="ToString"/>: the changes
/// applied, then the design as YAML written by <see cref="TenderDesignWriter"/>.
/// </summary>
internal sealed record DesignCase(DesignSpec Spec, IReadOnlyList<Defect> Changes)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"# {Spec.ItemCount} items; changes: {(Changes.Count == 0 ? "none (compliant)" : string.Join("; ", Changes))}");
        try
        {
            text.Append(TenderDesignWriter.Write(Spec.Load()));
        }
        catch (LoadException ex)
        {
            text.AppendLine("# does not load: " + ex.Message).Append(Spec.ToYaml());
        }

        return text.ToString();
    }
}

/// <summary>A near-valid design: a compliant one with one targeted defect.</summary>
internal sealed record DefectCase(DesignCase Design, Defect Defect)
{
    public override string ToString() => $"# targeted defect: {Defect}{Environment.NewLine}{Design}";
}

/// <summary>The FsCheck generators and arbitraries of designs.</summary>
internal static class DesignGen
{
    /// <summary>A seed for the <see cref="Random"/> inside the builders: drawn by FsCheck, so the FsCheck seed fixes every design.</summary>
    private static Gen<Random> Randoms => Gen.Choose(0, int.MaxValue - 1).Select(seed => new Random(seed));

    /// <summary>Designs that keep every shipped rule.</summary>
    public static Gen<DesignSpec> CompliantSpec =>
        Gen.Sized(size => Randoms.Select(r => new CompliantDesignBuilder(r, size).Build()));

    /// <summary>Compliant designs, shrinking to smaller ones.</summary>
    public static Arbitrary<DesignCase> Compliant =>
        Arb.From(CompliantSpec.Select(s => new DesignCase(s, [])), ShrinkCase);

    /// <summary>Compliant designs with one targeted defect each (near-valid designs).</summary>
    public static Arbitrary<DefectCase> NearValid =>
        Arb.From(
            Gen.Sized(size => Randoms.Select(r => NearValidCase(r, size))),
            c => ShrinkCase(c.Design).Select(d => c with { Design = d }));

    /// <summary>
    /// The mix the differential tests use: a fifth compliant, a third with one targeted defect, the rest with two to six
    /// changes drawn from the targeted defects and the noise.
    /// </summary>
    public static Arbitrary<DesignCase> Mixed =>
        Arb.From(Gen.Sized(size => Randoms.Select(r => MixedCase(r, size))), ShrinkCase);

    public static IEnumerable<DesignCase> ShrinkCase(DesignCase c) => DesignShrinker.Shrink(c.Spec).Select(s => c with { Spec = s });

    private static DefectCase NearValidCase(Random r, int size)
    {
        while (true)
        {
            var design = new CompliantDesignBuilder(r, Math.Max(size, 30)).Build();
            var defect = Defects.Targeted[r.Next(Defects.Targeted.Count)];
            if (defect.Apply(design, r) is { } broken)
            {
                return new DefectCase(new DesignCase(broken, [defect]), defect);
            }
        }
    }

    internal static DesignCase MixedCase(Random r, int size)
    {
        var design = new CompliantDesignBuilder(r, size).Build();
        var roll = r.Next(100);
        var changes = roll < 20 ? 0 : roll < 55 ? 1 : 2 + r.Next(5);
        var applied = new List<Defect>();
        for (var attempt = 0; applied.Count < changes && attempt < changes * 4; attempt++)
        {
            var pool = applied.Count == 0 || r.Next(2) == 0 ? Defects.Targeted : Defects.Noise;
            var defect = pool[r.Next(pool.Count)];
            if (defect.Apply(design, r) is { } changed)
            {
                design = changed;
                applied.Add(defect);
            }
        }

        return new DesignCase(design, applied);
    }
}
