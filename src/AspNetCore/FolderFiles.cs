using System.Security.Cryptography;
using System.Text;

namespace Procurement.Rules.AspNetCore;

/// <summary>
/// The files of the served folder as the API sees them: paths relative to the folder with <c>/</c>, refused when they
/// lead out of it (<c>..</c>, absolute, a drive or device name, a symbolic link to outside); reads bounded in size and
/// refused for binary content; writes atomic (a temporary file in the same directory, then a rename).
/// </summary>
internal sealed class FolderFiles(string root, long maxBytes)
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Full path of the served folder.</summary>
    public string Root { get; } = Path.TrimEndingDirectorySeparator(root);

    /// <summary>
    /// The full path of <paramref name="relative"/> inside the folder, or the problem that refuses it: a path that is
    /// empty, absolute, has a <c>\</c>, <c>:</c>, control character, <c>.</c> or <c>..</c> segment or device name, is
    /// not a YAML file, or goes through a symbolic link that leads out of the folder.
    /// </summary>
    public PathCheck Resolve(string? relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || relative.Length > 1024)
        {
            return PathCheck.Refused(Problems.BadPath("Geef een pad binnen de map, bijvoorbeeld 'ontwerp.yaml'."));
        }

        if (relative.StartsWith('/') || relative.Contains('\\') || relative.Contains(':') || relative.Any(char.IsControl))
        {
            return PathCheck.Refused(Problems.BadPath("Het pad moet relatief zijn aan de map, met '/' tussen de delen."));
        }

        var segments = relative.Split('/');
        if (segments.Any(s => s is "" or "." or ".." || DeviceNames.Contains(s.Split('.')[0].TrimEnd(' '))))
        {
            return PathCheck.Refused(Problems.OutsideFolder());
        }

        var extension = Path.GetExtension(relative);
        if (!extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return PathCheck.Refused(Problems.BadPath("Alleen YAML-bestanden (.yaml, .yml) kunnen worden gelezen en geschreven."));
        }

        var full = Path.GetFullPath(Path.Combine(Root, Path.Combine(segments)));
        if (!IsInside(full) || LeadsOutside(full))
        {
            return PathCheck.Refused(Problems.OutsideFolder());
        }

        return PathCheck.Ok(full);
    }

    /// <summary>
    /// The path a route's catch-all parameter holds, percent-decoded once: the server leaves <c>%2F</c> (and so a whole
    /// path a client encoded as one component) encoded; after decoding, <see cref="Resolve"/> sees every <c>/</c> and <c>..</c>.
    /// </summary>
    public static string FromRoute(string value) => Uri.UnescapeDataString(value);

    /// <summary>A path as shown to users: relative to the folder with <c>/</c> when inside it, else as given.</summary>
    public string Display(string file)
    {
        if (!Path.IsPathFullyQualified(file))
        {
            return file.Replace('\\', '/');
        }

        var full = Path.GetFullPath(file);
        return IsInside(full) ? Path.GetRelativePath(Root, full).Replace('\\', '/') : file;
    }

    /// <summary>Whether <paramref name="full"/> is inside the folder (by name, links not followed).</summary>
    public bool IsInside(string full) =>
        full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full.Length > Root.Length + 1;

    /// <summary>The file's text and version; null text when it does not exist; a problem when it is too large or not text.</summary>
    public FileRead Read(string full)
    {
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return new FileRead(null, null, null);
            }

            if (info.Length > maxBytes)
            {
                return new FileRead(null, null, Problems.TooLarge(maxBytes));
            }

            var bytes = File.ReadAllBytes(full);
            return Decode(bytes) is { } text
                ? new FileRead(text, Version(bytes), null)
                : new FileRead(null, Version(bytes), Problems.NotText());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileRead(null, null, Problems.Unreadable());
        }
    }

    /// <summary>Writes <paramref name="text"/> atomically: a temporary file in the same directory, flushed, then renamed over the target.</summary>
    public string Write(string full, string text)
    {
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var bytes = StrictUtf8.GetBytes(text);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return Version(bytes);
    }

    /// <summary>The version of a text: the hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Version(string text) => Version(Encoding.UTF8.GetBytes(text));

    private static string Version(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // UTF-8 text without NUL characters, a leading byte-order mark removed; null for anything else.
    private static string? Decode(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            return text.Contains('\0') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // A symbolic link on the way from the folder to the file whose target lies outside the folder.
    private bool LeadsOutside(string full)
    {
        var rootReal = RealPath(Root);
        for (var current = full; current.Length > Root.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is null || !RealPath(target).StartsWith(rootReal + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string RealPath(string path)
    {
        var info = new DirectoryInfo(path);
        return Path.TrimEndingDirectorySeparator(info.LinkTarget is not null ? info.ResolveLinkTarget(true)?.FullName ?? path : path);
    }
}

/// <summary>A resolved path inside the folder, or the problem that refused it.</summary>
internal sealed record PathCheck(string? FullPath, Microsoft.AspNetCore.Http.IResult? Problem)
{
    public static PathCheck Ok(string full) => new(full, null);

    public static PathCheck Refused(Microsoft.AspNetCore.Http.IResult problem) => new(null, problem);
}

/// <summary>A file's text and version (null text when absent), or the problem that kept it from being read.</summary>
internal sealed record FileRead(string? Text, string? Version, Microsoft.AspNetCore.Http.IResult? Problem);
