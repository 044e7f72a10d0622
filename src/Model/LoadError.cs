namespace Procurement.Rules.Model;

/// <summary>One problem found while loading a design or rule file (laadfout), with its position: an immutable value.</summary>
/// <param name="Code">Stable error code, e.g. <c>dangling-reference</c>; see <see cref="LoadErrorCodes"/>.</param>
/// <param name="Message">What is wrong, in plain English.</param>
/// <param name="File">Path of the file as given to the loader.</param>
/// <param name="Line">Line of the offending node or token, starting at 1: the start of <see cref="Span"/>.</param>
/// <param name="Column">Column of the offending node or token, starting at 1: the start of <see cref="Span"/>.</param>
public sealed record LoadError(string Code, string Message, string File, int Line, int Column)
{
    private readonly SourceSpan? _span;

    /// <summary>An error that covers <paramref name="span"/>; <see cref="Line"/> and <see cref="Column"/> are its start.</summary>
    /// <param name="code">Stable error code; see <see cref="LoadErrorCodes"/>.</param>
    /// <param name="message">What is wrong, in plain English.</param>
    /// <param name="file">Path of the file as given to the loader.</param>
    /// <param name="span">Where the offending node or token starts and ends.</param>
    public LoadError(string code, string message, string file, SourceSpan span)
        : this(code, message, file, span.StartLine, span.StartColumn)
    {
        _span = span;
    }

    /// <summary>
    /// Where the offending node or token starts and ends. An error made without one (about a whole file, say) has an
    /// empty span at <see cref="Line"/> and <see cref="Column"/> whose offsets are -1.
    /// </summary>
    public SourceSpan Span => _span ?? SourceSpan.At(Line, Column);

    /// <summary>The position of the error.</summary>
    public SourceLocation Location => new(File, Line, Column);

    /// <summary>Renders the error as <c>file:line:column: error code: message</c>, the form editors and CI logs recognise.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
