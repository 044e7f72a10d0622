using System.CommandLine;

namespace Procurement.Rules.Cli;

/// <summary><c>schema</c>: print the JSON Schema of design files or rule files, for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output)
    {
        var kind = new Option<string>("--kind") { Description = "Which files: design, rules, rule-tests or waivers.", DefaultValueFactory = _ => "design" };
        kind.AcceptOnlyFromAmong("design", "rules", "rule-tests", "waivers");
        var outputFile = new Option<string?>("--output") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema for design, rule, rule-test or waiver files (use it with the yaml-language-server $schema comment).")
        {
            kind, outputFile,
        };
        command.SetAction(parse =>
        {
            var schema = parse.GetValue(kind) switch
            {
                "rules" => JsonSchemas.RuleFile(),
                "rule-tests" => JsonSchemas.RuleTests(),
                "waivers" => JsonSchemas.Waivers(),
                _ => JsonSchemas.TenderDesign(),
            };
            if (parse.GetValue(outputFile) is { } path)
            {
                File.WriteAllText(path, schema);
            }
            else
            {
                output.Write(schema);
            }

            return ExitCodes.Clean;
        });
        return command;
    }
}
