namespace Procurement.Rules.Model;

/// <summary>
/// The stretch of a source file that a node or an error covers: where it starts and where it ends, the end being the
/// position just past its last character (so a one-line value of n characters ends at its start column + n).
/// Lines and columns start at 1, offsets (in characters from the start of the text) at 0.
/// </summary>
/// <param name="StartLine">Line of the first character, starting at 1.</param>
/// <param name="StartColumn">Column of the first character, starting at 1.</param>
/// <param name="StartOffset">Offset of the first character, starting at 0; -1 when not known.</param>
/// <param name="EndLine">Line of the position just past the last character.</param>
/// <param name="EndColumn">Column of the position just past the last character.</param>
/// <param name="EndOffset">Offset of the position just past the last character; -1 when not known.</param>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int StartOffset, int EndLine, int EndColumn, int EndOffset)
{
    /// <summary>An empty span at a line and column whose offset is not known (an error about a whole file, say).</summary>
    /// <param name="line">Line, starting at 1.</param>
    /// <param name="column">Column, starting at 1.</param>
    public static SourceSpan At(int line, int column) => new(line, column, -1, line, column, -1);

    /// <summary>The number of characters covered, or 0 when the offsets are not known.</summary>
    public int Length => StartOffset < 0 || EndOffset < StartOffset ? 0 : EndOffset - StartOffset;

    /// <summary>Renders the span as <c>line:column-line:column</c>.</summary>
    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}
