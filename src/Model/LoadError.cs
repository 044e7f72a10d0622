namespace Procurement.Rules.Model;

/// <summary>One problem found while loading a design or rule file (laadfout), with its position.</summary>
/// <param name="Code">Stable error code, e.g. <c>dangling-reference</c>; see <see cref="LoadErrorCodes"/>.</param>
/// <param name="Message">What is wrong, in plain English.</param>
/// <param name="File">Path of the file as given to the loader.</param>
/// <param name="Line">Line of the offending node or token, starting at 1.</param>
/// <param name="Column">Column of the offending node or token, starting at 1.</param>
public sealed record LoadError(string Code, string Message, string File, int Line, int Column)
{
    /// <summary>The position of the error.</summary>
    public SourceLocation Location => new(File, Line, Column);

    /// <summary>Renders the error as <c>file:line:column: error code: message</c>, the form editors and CI logs recognise.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
