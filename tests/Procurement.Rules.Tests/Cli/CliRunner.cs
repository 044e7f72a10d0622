using Procurement.Rules.Cli;

namespace Procurement.Rules.Tests.Cli;

/// <summary>Runs the command-line tool in process and captures its exit code, standard output and standard error.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
