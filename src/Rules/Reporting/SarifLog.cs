using System.Text;
using System.Text.Json;
using Procurement.Rules.Model;

namespace Procurement.Rules.Reporting;

/// <summary>
/// The one SARIF 2.1.0 builder of validate and diff reports: the log with one run, the tool driver (name, version,
/// information URI), a result's location, and the rule for artifact URIs. Everything it writes passes Microsoft's
/// SARIF Multitool (<c>sarif-multitool validate</c>) without errors or warnings (checked by <c>.ci/sarif-check</c>).
/// </summary>
internal static class SarifLog
{
    /// <summary>Where to learn about the tool (SARIF2005 asks for one); a URN until the project has a public home page.</summary>
    public const string InformationUri = "urn:procurement-rules";

    /// <summary>The tool's version, as <c>major.minor.patch</c>.</summary>
    public static string Version { get; } = typeof(SarifLog).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>
    /// Writes the log: <paramref name="rules"/> writes the driver's rule objects, <paramref name="run"/> the run's
    /// properties after <c>tool</c> (artifacts, results, properties), each inside the array or object it is given.
    /// </summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> rules, Action<Utf8JsonWriter> run)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "procurement-rules");
            json.WriteString("semanticVersion", Version);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            rules(json);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            run(json);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// Writes a result's <c>locations</c>: the file (<paramref name="location"/>'s, else <paramref name="file"/>) with the
    /// region where the subject starts, and the subject path as the logical location.
    /// </summary>
    public static void WriteLocations(Utf8JsonWriter json, string file, SourceLocation? location, string subject)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(location?.File ?? file));
        json.WriteEndObject();
        if (location is not null)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, location.Line));
            json.WriteNumber("startColumn", Math.Max(1, location.Column));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", subject);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>
    /// A relative reference (forward slashes, each segment escaped) when the file is under the current folder, otherwise
    /// an absolute <c>file://</c> URI: never a bare absolute path, which SARIF readers take as a relative reference
    /// beginning with a slash (SARIF1004).
    /// </summary>
    public static string Uri(string file)
    {
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
        {
            return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(System.Uri.EscapeDataString));
        }

        return new Uri(full).AbsoluteUri;
    }
}
