using System.CommandLine;

namespace Procurement.Rules.Cli;

/// <summary>Entry point of the <c>procurement-rules</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool as if started in <paramref name="workingFolder"/> (where <c>./rules</c> is looked for).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, string workingFolder) =>
        WorkingFolder.With(workingFolder, () => Run(args, output, error));

    /// <summary>Runs the tool; returns the exit code (0 no findings at the threshold, 1 findings, 2 invalid input).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Checks Dutch youth-care tender designs (inkoopkaders jeugdhulp) against rule packs.\n\n"
            + "Exit codes: 0 = no finding at or above --fail-on; 1 = findings at or above it; 2 = invalid input (load or usage error).")
        {
            ValidateCommand.Create(output, error),
            ExplainCommand.Create(output, error),
            InitCommand.Create(output, error),
            LintCommand.Create(output, error),
            TestCommand.Create(output, error),
            SchemaCommand.Create(output),
            DiffCommand.Create(output, error),
            MonitorCommand.Create(output, error),
            ServeCommand.Create(output, error),
            GenerateCommand.Create(output, error),
        };

        if (Usage.Check(root, args, output, error) is { } usage)
        {
            return usage;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine(SafeText.Terminal($"error: {parseError.Message}"));
            }

            return ExitCodes.InvalidInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (EvaluationBudgetExceededException ex)
        {
            error.WriteLine(SafeText.Terminal($"error: {ex.Message} Raise the budget with --timeout or --max-memory if the design is this large."));
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(SafeText.Terminal($"error: {ex.Message}"));
            return ExitCodes.InvalidInput;
        }
    }
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int InvalidInput = 2;
}
