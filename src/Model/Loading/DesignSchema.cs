using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model.Loading;

/// <summary>The keys of every mapping in a design file, with their kinds and meanings (Dutch terms in brackets).</summary>
internal static class DesignSchema
{
    public static readonly ObjectSpec Period = new(
        "period",
        "A period of days, both ends inclusive (looptijd).",
        new("from", FieldKind.Date, true, "First day, yyyy-MM-dd."),
        new("until", FieldKind.Date, false, "Last day, yyyy-MM-dd; leave out for no end."));

    public static readonly ObjectSpec Municipality = new(
        "municipality",
        "A municipality taking part in the joint purchase (gemeente).",
        new("id", FieldKind.Text, true, "Identifier used by contracts and profiles."),
        new("name", FieldKind.Text, true, "Name of the municipality."),
        new("from", FieldKind.Date, false, "First day it takes part (deelname vanaf)."),
        new("until", FieldKind.Date, false, "Last day it takes part, e.g. the 31 December before it leaves."),
        new("accessTeam", FieldKind.Text, false, "Id of its access team (toegang), which approves escalations."));

    public static readonly ObjectSpec Limits = new(
        "limits",
        "Limits of a category (grenzen); a profile above them does not fit the category.",
        new("intensityHoursPerWeek", FieldKind.Number, false, "Maximum hours per week."),
        new("durationMonths", FieldKind.Integer, false, "Maximum duration in months."),
        new("budget", FieldKind.Number, false, "Maximum budget per profile in euros."));

    public static readonly ObjectSpec Publication = new(
        "publication",
        "How a tendered category or contract was announced, or where an open-house invitation to join was published (aankondiging).",
        FieldSpec.Enum<PublicationProcedure>("procedure", true, "european (TED, via TenderNed), national (e.g. TenderNed only) or none."),
        new("published", FieldKind.Date, false, "Day of publication, yyyy-MM-dd."),
        new("notice", FieldKind.Text, false, "Notice reference or where it was published, e.g. a TED or TenderNed notice number."));

    public static readonly ObjectSpec CostBuildUp = new(
        "costBuildUp",
        "The cost build-up of a tariff per unit (kostprijsopbouw), as the rules on fair prices ask for since 1 July 2024.",
        new("staff", FieldKind.Number, true, "Staff costs per unit in euros (personeelskosten)."),
        new("clientRelated", FieldKind.Number, true, "Client-related costs per unit in euros (cliëntgebonden kosten)."),
        new("overhead", FieldKind.Number, true, "Overhead per unit in euros."));

    public static readonly ObjectSpec Tariff = new(
        "tariff",
        "The tariff of a product per unit (tarief).",
        new("amount", FieldKind.Number, true, "Price per unit in euros."),
        new("costBuildUp", FieldKind.Object, false, "Staff costs, client-related costs and overhead per unit.") { Object = CostBuildUp },
        new("indexation", FieldKind.Text, false, "How the tariff is indexed each year (indexatie), e.g. OVA."),
        new("differentiation", FieldKind.Text, false, "Why this tariff differs from the same product code elsewhere (tariefdifferentiatie)."));

    public static readonly ObjectSpec Product = new(
        "product",
        "A product of a category as the iJw messages name it (product).",
        new("code", FieldKind.Text, true, "Product code (productcode), e.g. 45A53."),
        new("name", FieldKind.Text, true, "What the product is (omschrijving)."),
        new("category", FieldKind.Text, true, "iJw product category, two digits, e.g. \"45\".") { Pattern = "^[0-9]{2}$" },
        FieldSpec.Enum<FinancingForm>("variant", true, "Execution variant (uitvoeringsvariant): effort-based (inspanningsgericht), output-based (outputgericht) or task-oriented (taakgericht)."),
        FieldSpec.Enum<ProductUnit>("unit", false, "Unit (eenheid): minute, hour, day-part, day (etmaal), week, month for effort-based; product or trajectory for output-based."),
        new("standard", FieldKind.Boolean, false, "true when the code comes from the national standard product code list; an own code otherwise."),
        new("tariff", FieldKind.Object, false, "Tariff per unit with its cost build-up.") { Object = Tariff });

    public static readonly ObjectSpec ExpertTeam = new(
        "expertTeam",
        "The region's expert team for complex cases (regionaal expertteam).",
        new("id", FieldKind.Text, true, "Identifier used by escalations that refer a case to it."),
        new("name", FieldKind.Text, true, "Name of the expert team."));

    public static readonly ObjectSpec Terms = new(
        "categoryTerms",
        "Terms of the light or heavy category of a lot (lichte/zware categorie).",
        FieldSpec.Enum<ProcurementForm>("procurement", true, "How the category is bought (inkoopvorm)."),
        new("maxProviders", FieldKind.Integer, false, "Maximum number of contracted parties; leave out for no cap."),
        new("qualifications", FieldKind.TextList, false, "Qualifications every contracted provider must hold, e.g. vog, skj-registered."),
        FieldSpec.Enum<FinancingForm>("financing", false, "Financing form of the category's contracts (bekostiging)."),
        new("limits", FieldKind.Object, false, "Limits of intensity, duration and budget.") { Object = Limits },
        new("publication", FieldKind.Object, false, "How the category was announced; for open house, where the invitation to join was published.") { Object = Publication },
        new("products", FieldKind.ObjectList, false, "Products of the category (producten).") { Object = Product });

    public static readonly ObjectSpec Lot = new(
        "lot",
        "A lot (perceel): a slice of care bought separately, with a light and a heavy category.",
        new("id", FieldKind.Text, true, "Identifier used by contracts and profiles."),
        new("name", FieldKind.Text, true, "Name of the lot."),
        new("sector", FieldKind.Text, false, "Sector the lot follows; links a regional lot to a municipality's local lot. Defaults to the id."),
        new("productCategories", FieldKind.TextList, false, "iJw product-category codes, two digits, e.g. \"45\".") { Pattern = "^[0-9]{2}$" },
        FieldSpec.Enum<LotScope>("scope", false, "Bought regionally (default) or locally by one municipality."),
        new("municipality", FieldKind.Text, false, "For a local lot: the municipality that buys it."),
        new("excludes", FieldKind.TextList, false, "Municipalities that take part in the design but not in this lot (they buy it elsewhere)."),
        new("light", FieldKind.Object, true, "Terms of the light category.") { Object = Terms },
        new("heavy", FieldKind.Object, true, "Terms of the heavy category.") { Object = Terms });

    public static readonly ObjectSpec Provider = new(
        "provider",
        "A care provider (zorgaanbieder).",
        new("id", FieldKind.Text, true, "Identifier used by contracts and profiles; shared with cooperatives."),
        new("name", FieldKind.Text, true, "Name of the provider."),
        new("agb", FieldKind.Text, true, "AGB code: exactly eight digits, quoted.") { Pattern = "^[0-9]{8}$" },
        new("qualifications", FieldKind.TextList, false, "Qualifications the provider holds."),
        new("subcontractors", FieldKind.TextList, false, "Ids of providers registered as its subcontractors (onderaannemers)."));

    public static readonly ObjectSpec Cooperative = new(
        "cooperative",
        "A cooperative (coöperatie) of member providers that contracts as one party.",
        new("id", FieldKind.Text, true, "Identifier used by contracts; shared with providers."),
        new("name", FieldKind.Text, true, "Name of the cooperative."),
        new("members", FieldKind.TextList, true, "Ids of its member providers (leden)."),
        new("region", FieldKind.TextList, false, "Ids of the municipalities it serves (werkgebied); leave out for no fixed region."));

    public static readonly ObjectSpec Contract = new(
        "contract",
        "A contract (overeenkomst) for one category of one lot.",
        new("id", FieldKind.Text, true, "Identifier of the contract."),
        new("party", FieldKind.Text, true, "Id of the provider or cooperative that holds it."),
        new("lot", FieldKind.Text, true, "Id of the lot."),
        FieldSpec.Enum<CareCategory>("category", true, "The category contracted."),
        new("municipalities", FieldKind.TextList, true, "Ids of the municipalities the contract is for."),
        new("period", FieldKind.Object, true, "Contract period (looptijd).") { Object = Period },
        FieldSpec.Enum<FinancingForm>("financing", false, "Financing form (bekostigingsvorm)."),
        new("value", FieldKind.Number, true, "Estimated value in euros excl. VAT (geraamde waarde)."),
        new("publication", FieldKind.Object, false, "How this contract was announced, when it was awarded in a procedure of its own.") { Object = Publication },
        new("budget", FieldKind.Number, false, "For a lump sum: the budget for the contract period in euros."),
        new("hardshipClause", FieldKind.Text, false, "For a lump sum: what happens when the budget runs out (hardheidsclausule)."));

    public static readonly ObjectSpec CareProfile = new(
        "careProfile",
        "A care profile (zorgprofiel) for one child or family, with one main contractor.",
        new("id", FieldKind.Text, true, "Identifier of the profile."),
        new("client", FieldKind.Text, false, "Pseudonymised reference to the child or family."),
        new("municipality", FieldKind.Text, true, "Id of the municipality that issued it."),
        new("lot", FieldKind.Text, true, "Id of the lot."),
        FieldSpec.Enum<CareCategory>("category", true, "The profile's current category."),
        new("mainContractor", FieldKind.Text, false, "Id of the main contractor (hoofdaannemer), a provider."),
        new("coProviders", FieldKind.TextList, false, "Ids of co-providers (samenwerkingspartners)."),
        new("intensityHoursPerWeek", FieldKind.Number, true, "Hours per week."),
        new("durationMonths", FieldKind.Integer, true, "Duration in months."),
        new("budget", FieldKind.Number, true, "Budget in euros."),
        new("start", FieldKind.Date, true, "Start date (ingangsdatum)."),
        new("transferredTo", FieldKind.Text, false, "Id of the provider the profile was transferred to after escalation."),
        new("contract", FieldKind.Text, false, "Id of the contract the profile is delivered under, if stated."),
        new("stay", FieldKind.Boolean, false, "true when the care includes a stay (verblijf)."),
        new("responsibleMunicipality", FieldKind.Text, false, "For care with a stay: id of the municipality responsible under the residence rule (woonplaatsbeginsel), where the child lived before the stay."));

    public static readonly ObjectSpec Escalation = new(
        "escalation",
        "An escalation or de-escalation (op- of afschaling) of a care profile.",
        new("id", FieldKind.Text, false, "Identifier; defaults to profile/date."),
        new("profile", FieldKind.Text, true, "Id of the care profile."),
        FieldSpec.Enum<CareCategory>("from", true, "Category before."),
        FieldSpec.Enum<CareCategory>("to", true, "Category after."),
        FieldSpec.Enum<LotScope>("fromScope", false, "Scope before (local or regional care)."),
        FieldSpec.Enum<LotScope>("toScope", false, "Scope after."),
        new("toLot", FieldKind.Text, false, "Id of the lot after the escalation; defaults to the profile's lot."),
        new("date", FieldKind.Date, true, "Date it takes effect."),
        new("approvedBy", FieldKind.Text, false, "Id of the access team that approved it, or of the expert team it was referred to."),
        new("expertTeam", FieldKind.Text, false, "Id of the regional expert team the case was referred to."));

    // A month of period data: yyyy-MM.
    private const string MonthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    public static readonly ObjectSpec ProfileMonth = new(
        "profileMonth",
        "What was realised under a care profile in one month (realisatie per maand).",
        new("profile", FieldKind.Text, true, "Id of the care profile."),
        new("month", FieldKind.Text, true, "The month, written yyyy-MM, e.g. 2023-01.") { Pattern = MonthPattern },
        FieldSpec.Enum<ProfileStatus>("status", true, "Active, or ended in the month."),
        new("hours", FieldKind.Number, false, "Hours of care delivered in the month."),
        new("units", FieldKind.Number, false, "Units of care delivered in the month."),
        new("spend", FieldKind.Number, false, "What was spent in the month in euros."));

    public static readonly ObjectSpec Outcome = new(
        "outcome",
        "The outcome of an ended care profile (uitkomst): goal achievement, ending early and the client's satisfaction.",
        new("profile", FieldKind.Text, true, "Id of the care profile."),
        new("ended", FieldKind.Date, true, "The day the profile ended (einddatum)."),
        FieldSpec.Enum<GoalAchievement>("goal", true, "How far the goals were reached (doelrealisatie)."),
        new("endedEarly", FieldKind.Boolean, false, "true when the care ended early without agreement (uitval)."),
        new("satisfaction", FieldKind.Number, false, "The client's mark for the care, 1 to 10 (cliënttevredenheid)."));

    public static readonly ObjectSpec Spending = new(
        "spending",
        "What was spent under a contract in one month (besteding), e.g. against a lump sum's budget.",
        new("contract", FieldKind.Text, true, "Id of the contract."),
        new("month", FieldKind.Text, true, "The month, written yyyy-MM, e.g. 2023-01.") { Pattern = MonthPattern },
        new("amount", FieldKind.Number, true, "What was spent in the month in euros."));

    public static readonly ObjectSpec Design = new(
        "tenderDesign",
        "A youth-care tender design (inkoopkader jeugdhulp) for Procurement.Rules.",
        new("design", FieldKind.Text, true, "Identifier of the design, e.g. zuid-holland-zuid-2018."),
        new("region", FieldKind.Text, true, "The youth-care region (jeugdregio)."),
        new("purchasingOrganisation", FieldKind.Text, false, "The organisation that buys for the region."),
        new("period", FieldKind.Object, true, "Period of the purchasing framework.") { Object = Period },
        new("expertTeam", FieldKind.Object, false, "The region's expert team for complex cases.") { Object = ExpertTeam },
        new("municipalities", FieldKind.ObjectList, false, "Participating municipalities.") { Object = Municipality },
        new("lots", FieldKind.ObjectList, false, "Lots (percelen).") { Object = Lot },
        new("providers", FieldKind.ObjectList, false, "Providers (aanbieders).") { Object = Provider },
        new("cooperatives", FieldKind.ObjectList, false, "Cooperatives (coöperaties).") { Object = Cooperative },
        new("contracts", FieldKind.ObjectList, false, "Contracts (overeenkomsten).") { Object = Contract },
        new("careProfiles", FieldKind.ObjectList, false, "Care profiles (zorgprofielen), or { file: NAME } for a CSV, JSON-lines or JSON data file next to the design.") { Object = CareProfile, FromDataFile = true },
        new("escalations", FieldKind.ObjectList, false, "Escalations (op- en afschalingen), or { file: NAME } for a data file next to the design.") { Object = Escalation, FromDataFile = true },
        new("profileMonths", FieldKind.ObjectList, false, "Period data: what was realised per care profile per month, or { file: NAME } for a data file next to the design.") { Object = ProfileMonth, FromDataFile = true },
        new("outcomes", FieldKind.ObjectList, false, "Period data: outcomes of ended care profiles (uitkomsten), or { file: NAME } for a data file next to the design.") { Object = Outcome, FromDataFile = true },
        new("spending", FieldKind.ObjectList, false, "Period data: what was spent per contract per month (bestedingen), or { file: NAME } for a data file next to the design.") { Object = Spending, FromDataFile = true });
}
