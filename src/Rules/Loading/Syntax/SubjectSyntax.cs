using System.Text.RegularExpressions;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Loading.Syntax;

/// <summary>
/// A <c>for:</c> as written: <c>design</c>, or <c>&lt;name&gt; in &lt;collection&gt;</c>. Whether the collection exists
/// is for the compiler to say; the tree only splits the text.
/// </summary>
internal sealed partial class SubjectSyntax
{
    private SubjectSyntax(Located<string> written, string? variable, string collection)
    {
        Written = written;
        Variable = variable;
        Collection = collection;
    }

    /// <summary>The value of <c>for:</c> with its position.</summary>
    public Located<string> Written { get; }

    /// <summary>The name before <c>in</c>, or null when the text is not of the form <c>&lt;name&gt; in &lt;collection&gt;</c>.</summary>
    public string? Variable { get; }

    /// <summary>The collection after <c>in</c>, or the whole text trimmed when it is not of that form.</summary>
    public string Collection { get; }

    /// <summary>Whether the text has the form <c>&lt;name&gt; in &lt;collection&gt;</c>.</summary>
    public bool IsRange => Variable is not null;

    /// <summary>The <c>for:</c> grammar: splits <paramref name="written"/> into variable and collection.</summary>
    public static SubjectSyntax Parse(Located<string> written)
    {
        var match = ForPattern().Match(written.Value);
        return match.Success
            ? new SubjectSyntax(written, match.Groups["var"].Value, match.Groups["collection"].Value)
            : new SubjectSyntax(written, null, written.Value.Trim());
    }

    [GeneratedRegex(@"^\s*(?<var>[A-Za-z][A-Za-z0-9_]*)\s+in\s+(?<collection>[A-Za-z]+)\s*$")]
    private static partial Regex ForPattern();
}
