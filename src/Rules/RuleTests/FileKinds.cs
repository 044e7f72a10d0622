using System.Runtime.InteropServices;

namespace Procurement.Rules.RuleTests;

/// <summary>What kind of entry a path is, without following a final symbolic link and without opening it.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Device,
    Pipe,
    Socket,
    Link,
    Unknown,
}

/// <summary>
/// Tells regular files from devices, pipes and sockets. .NET has no API for it (all show as
/// <see cref="FileAttributes.Normal"/>), so on Linux this asks the kernel through <c>statx</c>, whose layout is the same
/// on every architecture. Elsewhere, where Linux' <c>statx</c> is not available, it relies on special files reporting
/// a size of 0 and refuses every empty file: an empty file is no design anyway.
/// </summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    public static (FileKind Kind, long Size) Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return Statx(path);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library older than statx (glibc before 2.28, musl before 1.2.5).
            }
        }

        return Portable(path);
    }

    private static (FileKind Kind, long Size) Statx(string path)
    {
        var buffer = new byte[256];
        if (NativeStatx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoSuchFile or NotADirectory
                ? (FileKind.Missing, 0)
                : throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        var kind = (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 or 0x6000 => FileKind.Device,
            0x1000 => FileKind.Pipe,
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.Link,
            _ => FileKind.Unknown,
        };
        return (kind, (long)BitConverter.ToUInt64(buffer, SizeOffset));
    }

    internal static (FileKind Kind, long Size) Portable(string path)
    {
        if (Directory.Exists(path))
        {
            return (FileKind.Directory, 0);
        }

        var info = new FileInfo(path);
        return !info.Exists ? (FileKind.Missing, 0)
            : info.Length == 0 ? (FileKind.Unknown, 0)
            : (FileKind.Regular, info.Length);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int NativeStatx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
