using System.Text;
using Procurement.Rules.Model.Loading;
using Procurement.Rules.Model.Yaml;

namespace Procurement.Rules.Model;

/// <summary>Loads a tender design (inkoopkader) from YAML; reports every error with file, line and column and never throws for bad input.</summary>
public static class TenderDesignLoader
{
    /// <summary>Loads the design in the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of a design YAML file.</param>
    /// <param name="limits">Limits on the file's size and shape; <see cref="YamlLimits.Default"/> when null.</param>
    public static LoadResult<TenderDesign> LoadFile(string path, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= YamlLimits.Default;
        string text;
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

        return LoadString(text, path, limits);
    }

    /// <summary>Loads a design from <paramref name="stream"/>, read as UTF-8.</summary>
    /// <param name="stream">The YAML text.</param>
    /// <param name="fileName">Name used in error positions.</param>
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

    /// <summary>Loads a design from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">Name used in error positions.</param>
    /// <param name="limits">Limits on the text's size and shape; <see cref="YamlLimits.Default"/> when null.</param>
    public static LoadResult<TenderDesign> LoadString(string yaml, string fileName = "<design>", YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        limits ??= YamlLimits.Default;
        var errors = new List<LoadError>();
        if (yaml.Length > limits.MaxFileBytes)
        {
            return Failed(LoadErrorCodes.LimitExceeded, fileName, $"The input is over the limit of {limits.MaxFileBytes:N0} bytes (limit MaxFileBytes).");
        }

        var max = LoadErrorCap.Of(limits);
        var fields = new YamlFieldReader(fileName, errors, max);
        var designReader = new DesignYamlReader(fields);
        var root = YamlTreeReader.Read(yaml, limits, fields, designReader.AcceptItem);
        if (root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(new LoadError(LoadErrorCodes.MissingField, "The design file is empty.", fileName, 1, 1));
            }

            return new LoadResult<TenderDesign>(null, LoadErrorCap.SortedAndCapped(errors, max));
        }

        var dto = designReader.Read(root);

        // At the error cap the design is not resolved: its errors would not be reported anyway.
        var design = dto is null || fields.Stopped ? null : new DesignResolver(fields).Resolve(dto);
        return new LoadResult<TenderDesign>(design, LoadErrorCap.SortedAndCapped(errors, max));
    }

    /// <summary>Loads a design written inline in another YAML file (e.g. a rule test); positions refer to that file.</summary>
    internal static TenderDesign? LoadNode(YamlNodeBase node, string fileName, List<LoadError> errors)
    {
        var max = LoadErrorCap.Of(YamlLimits.Default);
        var fields = new YamlFieldReader(fileName, errors, max);
        var before = errors.Count;
        var dto = new DesignYamlReader(fields).Read(node);
        if (dto is null || errors.Count > before)
        {
            return null;
        }

        // The resolver builds nothing when any error is present, so give it a list of its own.
        var own = new List<LoadError>();
        var design = new DesignResolver(new YamlFieldReader(fileName, own, max)).Resolve(dto);
        errors.AddRange(own);
        return design;
    }

    private static LoadResult<TenderDesign> Failed(string code, string file, string message) =>
        new(null, [new LoadError(code, message, file, 1, 1)]);
}
