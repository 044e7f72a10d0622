namespace Procurement.Rules.Model;

/// <summary>Stable codes of the errors the design loader reports; rule loading adds its own.</summary>
public static class LoadErrorCodes
{
    /// <summary>The file could not be read.</summary>
    public const string FileUnreadable = "file-unreadable";

    /// <summary>The text is not well-formed YAML.</summary>
    public const string YamlSyntax = "yaml-syntax";

    /// <summary>The text of a <c>.json</c> design is not well-formed JSON.</summary>
    public const string JsonSyntax = "json-syntax";

    /// <summary>A mapping has the same key twice.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>A key that this kind of item does not have.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>A value of the wrong shape or type, e.g. a list where a text is expected.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A required key is absent.</summary>
    public const string MissingField = "missing-field";

    /// <summary>An id that names nothing of the expected kind.</summary>
    public const string DanglingReference = "dangling-reference";

    /// <summary>Two items of one kind share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A date that is not a real <c>yyyy-MM-dd</c> date, or a period that ends before it starts.</summary>
    public const string BadDate = "bad-date";

    /// <summary>An AGB code that is not eight digits.</summary>
    public const string BadAgbCode = "bad-agb-code";

    /// <summary>A lot without its light or heavy category.</summary>
    public const string MissingCategory = "missing-category";

    /// <summary>A value outside what the field allows, e.g. a negative budget or an unknown procurement form.</summary>
    public const string BadValue = "bad-value";

    /// <summary>A file over one of the configured <see cref="YamlLimits"/>.</summary>
    public const string LimitExceeded = "limit-exceeded";

    /// <summary>The last error of a file that has more than <see cref="YamlLimits.MaxErrors"/>: says how many more there are, or that loading stopped.</summary>
    public const string TooManyErrors = "too-many-errors";

    /// <summary>A file that is not YAML text: binary data, or text that is not valid UTF-8 (an executable or an archive named as a design, say).</summary>
    public const string NotText = "not-text";

    /// <summary>
    /// A data file (gegevensbestand) a design names for its care profiles or escalations that cannot be used: not a plain
    /// file name in the design's own folder, of a format the loader does not read, or named in a design that has no
    /// folder (loaded from text).
    /// </summary>
    public const string DataFile = "data-file";

    /// <summary>A CSV data file whose shape is wrong: no header row, an unknown or repeated column, a row with too many or too few values, a broken quote.</summary>
    public const string CsvSyntax = "csv-syntax";
}
