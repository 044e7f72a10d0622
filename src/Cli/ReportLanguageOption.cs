using System.CommandLine;
using Procurement.Rules.Reporting;

namespace Procurement.Rules.Cli;

/// <summary>The <c>--language nl|en</c> option of the commands that write reports: the language of the report's own headings.</summary>
internal static class ReportLanguageOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--language")
        {
            Description = "Language of the report's headings and labels (text, html, markdown): nl (Dutch, the default) or en. Rule messages stay as written.",
            DefaultValueFactory = _ => "nl",
        };
        option.AcceptOnlyFromAmong("nl", "en");
        return option;
    }

    public static ReportLanguage Read(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "en" ? ReportLanguage.English : ReportLanguage.Dutch;
}
