using System.Text;
using Procurement.Rules.Model.Loading;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model;

/// <summary>Loads a tender design (inkoopkader) from YAML; reports every error with file, line and column and never throws for bad input.</summary>
public static class TenderDesignLoader
{
    /// <summary>
    /// Loads the design in the file at <paramref name="path"/>: YAML, or JSON (the same fields) when the name ends in
    /// <c>.json</c>, read with System.Text.Json under the same limits and with the same positions.
    /// </summary>
    /// <param name="path">Path of a design file (<c>.yaml</c>, <c>.yml</c> or <c>.json</c>).</param>
    /// <param name="limits">Limits on the file's size and shape; <see cref="YamlLimits.Default"/> when null.</param>
    /// <param name="progress">
    /// When given, told how far reading has come while the lists are read (at most every 256 KiB of text) and once when
    /// the whole text is read; called on the loading thread.
    /// </param>
    public static LoadResult<TenderDesign> LoadFile(string path, YamlLimits? limits = null, IProgress<DesignLoadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= YamlLimits.Default;
        string text;
        if (Directory.Exists(path))
        {
            return Failed(LoadErrorCodes.FileUnreadable, path, "This is a directory, not a design file; name the design's .yaml file.");
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > limits.MaxFileBytes)
            {
                return Failed(LoadErrorCodes.LimitExceeded, path, $"The file is {info.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0} (limit MaxFileBytes).");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return Failed(LoadErrorCodes.FileUnreadable, path, $"Cannot read the design file: {ex.Message}");
        }

        return Load(text, path, limits, progress, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Loads a design from <paramref name="stream"/>, read as UTF-8.</summary>
    /// <param name="stream">The YAML text, or JSON when <paramref name="fileName"/> ends in <c>.json</c>.</param>
    /// <param name="fileName">Name used in error positions; one ending in <c>.json</c> reads the text as JSON.</param>
    /// <param name="limits">Limits on the text's size and shape; <see cref="YamlLimits.Default"/> when null.</param>
    public static LoadResult<TenderDesign> LoadStream(Stream stream, string fileName, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= YamlLimits.Default;
        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            var buffer = new char[81920];
            var builder = new StringBuilder();
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                builder.Append(buffer, 0, read);
                if (builder.Length > limits.MaxFileBytes)
                {
                    return Failed(LoadErrorCodes.LimitExceeded, fileName, $"The input is over the limit of {limits.MaxFileBytes:N0} bytes (limit MaxFileBytes).");
                }
            }

            return LoadString(builder.ToString(), fileName, limits);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
        {
            return Failed(LoadErrorCodes.FileUnreadable, fileName, $"Cannot read the design: {ex.Message}");
        }
    }

    /// <summary>
    /// Loads a design from YAML text, or from JSON text when <paramref name="fileName"/> ends in <c>.json</c>. The text has
    /// no folder, so a data file it names is an error (<see cref="LoadErrorCodes.DataFile"/>); see <see cref="LoadStringInFolder"/>.
    /// </summary>
    /// <param name="yaml">The YAML (or JSON) text.</param>
    /// <param name="fileName">Name used in error positions; one ending in <c>.json</c> reads the text as JSON.</param>
    /// <param name="limits">Limits on the text's size and shape; <see cref="YamlLimits.Default"/> when null.</param>
    public static LoadResult<TenderDesign> LoadString(string yaml, string fileName = "<design>", YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Load(yaml, fileName, limits ?? YamlLimits.Default, null, null);
    }

    private static LoadResult<TenderDesign> Load(string yaml, string fileName, YamlLimits limits, IProgress<DesignLoadProgress>? progress, string? folder)
    {
        if (yaml.Length > limits.MaxFileBytes)
        {
            return Failed(LoadErrorCodes.LimitExceeded, fileName, $"The input is over the limit of {limits.MaxFileBytes:N0} bytes (limit MaxFileBytes).");
        }

        var max = LoadErrorCap.Of(limits);
        var read = DesignYamlReader.Read(yaml, fileName, limits, progress, folder);

        // At the error cap the design is not resolved: its errors would not be reported anyway.
        if (read.Value is null || read.Stopped)
        {
            return new LoadResult<TenderDesign>(null, LoadErrorCap.SortedAndCapped(read.Errors, max));
        }

        var resolved = DesignResolver.Resolve(read, fileName, max);
        return new LoadResult<TenderDesign>(resolved.Value, LoadErrorCap.SortedAndCapped([.. read.Errors, .. resolved.Errors], max));
    }

    /// <summary>
    /// Loads a design from text that belongs in <paramref name="dataFolder"/>, such as an editor's unsaved text of a design
    /// file: the data files it names (<c>careProfiles: { file: NAME }</c>) are read from that folder, as
    /// <see cref="LoadFile"/> reads them from the design file's folder.
    /// </summary>
    /// <param name="yaml">The YAML (or JSON) text.</param>
    /// <param name="fileName">Name used in error positions; one ending in <c>.json</c> reads the text as JSON.</param>
    /// <param name="dataFolder">The folder of the design file, where its data files are.</param>
    /// <param name="limits">Limits on the text's and each data file's size and shape; <see cref="YamlLimits.Default"/> when null.</param>
    public static LoadResult<TenderDesign> LoadStringInFolder(string yaml, string fileName, string dataFolder, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(dataFolder);
        return Load(yaml, fileName, limits ?? YamlLimits.Default, null, Path.GetFullPath(dataFolder));
    }

    /// <summary>
    /// Loads a design written inline as a mapping in another YAML file (a rule test, say); positions refer to that file.
    /// The errors are in the order found: those of reading, then (when reading found none) those of resolving.
    /// </summary>
    /// <param name="node">The mapping that holds the design.</param>
    /// <param name="fileName">Name of the file the mapping is in, used in error positions.</param>
    public static LoadResult<TenderDesign> LoadNode(YamlMapping node, string fileName)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(fileName);
        var max = LoadErrorCap.Of(YamlLimits.Default);
        var read = DesignYamlReader.Read(node, fileName, max);
        if (read.Value is null || read.Errors.Count > 0)
        {
            return new LoadResult<TenderDesign>(null, read.Errors);
        }

        // Reading found no error, so the resolver's errors count against the whole cap.
        var resolved = DesignResolver.Resolve(read, fileName, max);
        return new LoadResult<TenderDesign>(resolved.Value, resolved.Errors);
    }

    /// <summary>The JSON Schema (draft-07) of a design file, generated from the loader's own field table, for editors and other tools.</summary>
    public static string JsonSchema() => DesignSchema.Design.ToJsonSchema("Procurement.Rules tender design");

    private static LoadResult<TenderDesign> Failed(string code, string file, string message) =>
        new(null, [new LoadError(code, message, file, 1, 1)]);
}
