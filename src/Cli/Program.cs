using System.CommandLine;
using Procurement.Rules.Model;

namespace Procurement.Rules.Cli;

/// <summary>Entry point of the <c>procurement-rules</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var designs = new Argument<string[]>("design") { Description = "Tender design YAML file(s) to check.", Arity = ArgumentArity.OneOrMore };
        var validate = new Command("validate", "Load tender designs and report every error with file:line:column.") { designs };
        validate.SetAction(parse =>
        {
            var failed = false;
            foreach (var path in parse.GetValue(designs) ?? [])
            {
                var result = TenderDesignLoader.LoadFile(path);
                foreach (var error in result.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                failed |= !result.Succeeded;
                if (result.Value is { } design)
                {
                    Console.WriteLine($"{path}: {design.Id} loaded: {design.Lots.Count} lots, {design.Contracts.Count} contracts, {design.CareProfiles.Count} care profiles.");
                }
            }

            return failed ? 2 : 0;
        });
        var root = new RootCommand("Checks Dutch youth-care tender designs against rule packs.") { validate };
        return root.Parse(args).Invoke();
    }
}
