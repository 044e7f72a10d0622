using System.Globalization;
using System.Text;
using Procurement.Rules.Model;

namespace Procurement.Rules.RuleTests;

/// <summary>
/// The rules folder a rule-test file belongs to (the folder that holds its <c>tests/</c> folder), and the only place
/// it may read files from. A path is refused, before anything is opened, when it is absolute, when <c>..</c> or a
/// symbolic link leads out of the folder, when it is not a regular file (a directory, device, pipe or socket), or when
/// it is over the size limit; reading stops at that limit too. A refused file is never opened, so no error, replacement
/// or finding can show anything of its content.
/// </summary>
/// <remarks>
/// The checks and the read are not one atomic step: a process that swaps files inside the folder while the tests run
/// could race them. Rule-test files are not trusted, the machine they run on is.
/// </remarks>
internal sealed class RuleTestFolder
{
    // Linux follows at most 40 links while resolving one path.
    private const int MaxLinks = 40;

    private readonly string _realRoot;

    private RuleTestFolder(string root, string realRoot, long maxBytes)
    {
        Root = root;
        _realRoot = realRoot;
        MaxBytes = maxBytes;
    }

    /// <summary>The folder, as a full path.</summary>
    public string Root { get; }

    /// <summary>Largest file read, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The rules folder of <paramref name="testFile"/>: the parent of the folder the file is in.</summary>
    public static RuleTestFolder Of(string testFile, long maxBytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(testFile))!;
        var root = Path.GetDirectoryName(directory) ?? directory;
        string realRoot;
        try
        {
            realRoot = RealPath(root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing resolves inside a folder whose own path cannot be resolved.
            realRoot = "\0";
        }

        return new RuleTestFolder(root, realRoot, maxBytes);
    }

    /// <summary>
    /// Reads the file that a rule-test file names as <paramref name="written"/>, relative to the folder
    /// <paramref name="directory"/> that file is in.
    /// </summary>
    public FolderRead Read(string written, string directory)
    {
        if (written.Length == 0 || written.Contains('\0', StringComparison.Ordinal))
        {
            return FolderRead.Refused(RuleErrorCodes.NotARegularFile, $"'{written}' does not name a file.");
        }

        if (Path.IsPathRooted(written))
        {
            return FolderRead.Refused(RuleErrorCodes.PathOutsideFolder, $"'{written}' is an absolute path; name a file inside the rules folder, relative to this file.");
        }

        var full = Path.GetFullPath(Path.Combine(directory, written));
        return IsInside(full, Path.GetFullPath(Root))
            ? ReadFile(full, $"'{written}'")
            : FolderRead.Refused(RuleErrorCodes.PathOutsideFolder, $"'{written}' leads out of the rules folder {Root}; rule tests read only files inside it.");
    }

    /// <summary>Reads the file at <paramref name="fullPath"/>, named <paramref name="shownAs"/> in messages, if it is inside the folder.</summary>
    public FolderRead ReadFile(string fullPath, string shownAs)
    {
        string real;
        try
        {
            real = RealPath(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FolderRead.Refused(LoadErrorCodes.FileUnreadable, $"{shownAs} cannot be resolved: {ex.Message}");
        }

        if (!IsInside(real, _realRoot))
        {
            return FolderRead.Refused(RuleErrorCodes.PathOutsideFolder, $"{shownAs} leads through a symbolic link out of the rules folder {Root}; rule tests read only files inside it.");
        }

        var (kind, size) = FileKinds.Of(real);
        switch (kind)
        {
            case FileKind.Missing:
                return FolderRead.Refused(LoadErrorCodes.FileUnreadable, $"{shownAs} does not exist.");
            case FileKind.Regular when size > MaxBytes:
                return TooLarge(shownAs, size);
            case FileKind.Regular:
                break;
            default:
                return FolderRead.Refused(RuleErrorCodes.NotARegularFile, $"{shownAs} is {Describe(kind)}, not a regular file.");
        }

        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (!stream.CanSeek)
            {
                // Only pipes, sockets and terminals cannot seek; they got here by replacing the file after the check.
                return FolderRead.Refused(RuleErrorCodes.NotARegularFile, $"{shownAs} is not a regular file.");
            }

            if (stream.Length > MaxBytes)
            {
                return TooLarge(shownAs, stream.Length);
            }

            // Read no further than the limit, even if the file grows while it is read.
            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (bytes.Length + read > MaxBytes)
                {
                    return FolderRead.Refused(LoadErrorCodes.LimitExceeded, string.Create(CultureInfo.InvariantCulture, $"{shownAs} is over the limit of {MaxBytes:N0} bytes (limit MaxFileBytes)."));
                }

                bytes.Write(buffer, 0, read);
            }

            bytes.Position = 0;
            using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new FolderRead(real, reader.ReadToEnd(), null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return FolderRead.Refused(LoadErrorCodes.FileUnreadable, $"{shownAs} cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// The path with every symbolic link in it replaced by what it points to, and <c>.</c> and <c>..</c> removed.
    /// A part that does not exist is kept as written.
    /// </summary>
    internal static string RealPath(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("Too many levels of symbolic links.");
            }

            // The target is relative to the folder the link is in, which is resolved already.
            current = Resolve(Path.GetFullPath(target, current), ref links);
        }

        return current;
    }

    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length;
    }

    private FolderRead TooLarge(string shownAs, long size) =>
        FolderRead.Refused(LoadErrorCodes.LimitExceeded, string.Create(CultureInfo.InvariantCulture, $"{shownAs} is {size:N0} bytes, over the limit of {MaxBytes:N0} (limit MaxFileBytes)."));

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Device => "a device",
        FileKind.Pipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.Link => "a symbolic link",
        _ => "empty or a special file",
    };
}

/// <summary>A file read from a <see cref="RuleTestFolder"/>: its real path and text, or why it was refused.</summary>
internal readonly record struct FolderRead(string? Path, string? Text, string? Code, string? Message)
{
    public static FolderRead Refused(string code, string message) => new(null, null, code, message);

    public LoadError ToError(string file, int line, int column) => new(Code!, Message!, file, line, column);
}
