using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Writes a solution zip. Entries get a fixed timestamp and a fixed order so the same input gives the same
/// bytes (reproducible builds; a re-pack shows no spurious change).
/// </summary>
internal static class ZipWriter
{
    // Zip timestamps are DOS times (1980 onwards); any fixed value does.
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string zipPath, IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var temporary = zipPath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var entryStream = entry.Open();
                entryStream.Write(bytes, 0, bytes.Length);
            }
        }

        // Never leave a half-written zip under the final name.
        File.Move(temporary, zipPath, overwrite: true);
    }
}
