using System.Collections.Immutable;

namespace Procurement.Rules.Loading.Syntax;

/// <summary>
/// An expression as written (a <c>when</c>, a clause, a derived value): its text and where it stands, and the names it
/// mentions, scanned once when the tree is built.
/// </summary>
internal sealed class ExpressionSyntax
{
    public ExpressionSyntax(ExpressionSource source)
    {
        Source = source;
        Names = NamesIn(source.Text);
    }

    /// <summary>The text with its position in the file (<see cref="ExpressionSource.Locate"/> for any character of it).</summary>
    public ExpressionSource Source { get; }

    public string Text => Source.Text;

    /// <summary>The identifiers of the text outside string literals, each once, in order of first appearance.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The distinct identifiers of <paramref name="text"/> in order of first appearance.</summary>
    internal static ImmutableArray<string> NamesIn(string text) =>
        [.. ExpressionText.Identifiers(text).Select(t => text.Substring(t.Start, t.Length)).Distinct(StringComparer.Ordinal)];
}
