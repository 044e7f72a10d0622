namespace Procurement.Rules.Model;

/// <summary>A position in a source file, 1-based, where an item or an error starts.</summary>
/// <param name="File">Path of the file as it was given to the loader.</param>
/// <param name="Line">Line number, starting at 1.</param>
/// <param name="Column">Column number, starting at 1.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>Renders the location as <c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
