namespace Procurement.Rules.Model;

/// <summary>
/// How far loading a design file has come (voortgang van het inlezen): reported while its lists are read, so that a
/// tool can show progress on a design of hundreds of thousands of care profiles.
/// </summary>
/// <param name="CharactersRead">Characters of the text read so far.</param>
/// <param name="Characters">Characters in the whole text.</param>
/// <param name="CareProfilesRead">Care profiles (zorgprofielen) read so far.</param>
public sealed record DesignLoadProgress(int CharactersRead, int Characters, int CareProfilesRead)
{
    /// <summary>
    /// The name of the data file (gegevensbestand) being read, when the design takes its care profiles or escalations
    /// from one; null while the design file itself is read. The characters are then those of the design file, all read.
    /// </summary>
    public string? DataFile { get; init; }
}
