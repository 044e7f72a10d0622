using System.CommandLine;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Cli;

/// <summary>
/// The two usage mistakes that get their own answer before parsing: no command at all (the help, exit 2) and a
/// command that does not exist (one line with the nearest commands, exit 2), instead of the parser's several lines.
/// </summary>
internal static class Usage
{
    /// <summary>The exit code when <paramref name="args"/> name no command or an unknown one; null to go on parsing.</summary>
    public static int? Check(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output, Error = error });
            error.WriteLine("error: no command given; see the commands above.");
            return ExitCodes.InvalidInput;
        }

        var first = args[0];
        if (first.StartsWith('-') || root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first)))
        {
            return null;
        }

        var names = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
        var near = NearestNames.Find(first, names);
        var hint = near.Count > 0 ? NearestNames.DidYouMean(near) : $"; the commands are {string.Join(", ", names)}.";
        error.WriteLine(SafeText.Terminal($"error: unknown command '{first}'{hint} See 'procurement-rules --help'."));
        return ExitCodes.InvalidInput;
    }
}
