namespace Procurement.Rules.Model;

/// <summary>
/// Product (product) of a category as the iJw messages name it: its national product category (productcategorie, two
/// digits), its product code (productcode), its execution variant (uitvoeringsvariant) and unit, and its tariff.
/// </summary>
public sealed class Product
{
    internal Product(
        string code,
        string name,
        string category,
        FinancingForm variant,
        ProductUnit? unit,
        bool isStandard,
        Tariff? tariff,
        SourceLocation location)
    {
        Code = code;
        Name = name;
        Category = category;
        Variant = variant;
        Unit = unit;
        IsStandard = isStandard;
        Tariff = tariff;
        Location = location;
    }

    /// <summary>The product code (productcode), e.g. <c>45A53</c>.</summary>
    public string Code { get; }

    /// <summary>What the product is (omschrijving).</summary>
    public string Name { get; }

    /// <summary>The national iJw product category (productcategorie), two digits, e.g. <c>45</c> for ambulant youth help.</summary>
    public string Category { get; }

    /// <summary>
    /// The execution variant (uitvoeringsvariant): effort-based (inspanningsgericht, a unit of time), output-based
    /// (outputgericht, a product or trajectory) or task-oriented (taakgericht, a task paid as a whole).
    /// </summary>
    public FinancingForm Variant { get; }

    /// <summary>The unit (eenheid) the product is allocated and paid in, or <see langword="null"/> when not stated.</summary>
    public ProductUnit? Unit { get; }

    /// <summary>
    /// Whether the code comes from the national standard product code list (landelijke standaardproductcodelijst); an
    /// own code of the region (eigen productcode) otherwise.
    /// </summary>
    public bool IsStandard { get; }

    /// <summary>The tariff (tarief) with its cost build-up, or <see langword="null"/> when the design states none.</summary>
    public Tariff? Tariff { get; }

    /// <summary>Where the product is defined in the design file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The category terms the product belongs to.</summary>
    public CategoryTerms Terms { get; internal set; } = null!;

    /// <summary>
    /// Whether the unit fits the execution variant: effort-based with a unit of time, output-based per product or
    /// trajectory, task-oriented with any unit or none.
    /// </summary>
    public bool UnitFitsVariant => Variant switch
    {
        FinancingForm.EffortBased => Unit is ProductUnit.Minute or ProductUnit.Hour or ProductUnit.DayPart or ProductUnit.Day or ProductUnit.Week or ProductUnit.Month,
        FinancingForm.OutputBased => Unit is ProductUnit.Product or ProductUnit.Trajectory,
        _ => true,
    };

    /// <summary>
    /// Products elsewhere in the design with the same code but another meaning: another name or product category, or a
    /// standard code on one side and an own code on the other (an own code may not reuse a standard code). One product
    /// per other meaning, in file order, at most 20.
    /// </summary>
    public IReadOnlyList<Product> OtherMeanings { get; internal set; } = [];

    /// <summary>
    /// Products elsewhere in the design with the same code and another tariff amount whose tariff states no reason for
    /// the difference (<see cref="Tariff.Differentiation"/>): one product per other amount, in file order, at most 20.
    /// </summary>
    public IReadOnlyList<Product> DifferentlyPriced { get; internal set; } = [];

    /// <inheritdoc/>
    public override string ToString() => Code;
}
