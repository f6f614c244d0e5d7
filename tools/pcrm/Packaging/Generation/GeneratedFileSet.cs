using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// The generated part of Solution/: file path → exact bytes. The generator owns step files, custom API
/// folders and assembly metadata files completely (an owned file it does not produce is stale and goes),
/// and it produces Other/Solution.xml with its root-component entries synchronised.
/// </summary>
internal sealed class GeneratedFileSet
{
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => files;

    public void Add(string relativePath, byte[] content)
    {
        if (!files.TryAdd(relativePath, content))
        {
            throw new GenerationException($"两个声明生成了同一个文件 / two declarations produce the same file: {relativePath}");
        }
    }

    /// <summary>Files the generator owns and deletes when it no longer produces them.</summary>
    public static bool IsOwned(string relativePath) =>
        relativePath.StartsWith(SolutionPaths.StepsFolder + "/", StringComparison.Ordinal)
        || relativePath.StartsWith(SolutionPaths.CustomApisFolder + "/", StringComparison.Ordinal)
        || (relativePath.StartsWith(SolutionPaths.PluginAssembliesFolder + "/", StringComparison.Ordinal)
            && relativePath.EndsWith(".dll" + SolutionPaths.DataXmlSuffix, StringComparison.Ordinal));

    /// <summary>What differs between this set and the folder: "missing", "differs" or "stale" per file.</summary>
    public IReadOnlyList<string> Differences(string solutionRoot)
    {
        var differences = new List<string>();
        foreach (var (path, content) in files)
        {
            var full = Full(solutionRoot, path);
            if (!File.Exists(full))
            {
                differences.Add($"缺失 missing: {path}");
            }
            else if (!File.ReadAllBytes(full).AsSpan().SequenceEqual(content))
            {
                differences.Add($"不一致 differs: {path}");
            }
        }

        differences.AddRange(Stale(solutionRoot).Select(p => $"多余 stale: {p}"));
        return differences;
    }

    /// <summary>Writes changed files, deletes stale ones; returns what changed.</summary>
    public IReadOnlyList<string> Write(string solutionRoot)
    {
        var changed = new List<string>();
        foreach (var stale in Stale(solutionRoot))
        {
            File.Delete(Full(solutionRoot, stale));
            changed.Add($"删除 deleted: {stale}");
        }

        foreach (var (path, content) in files)
        {
            var full = Full(solutionRoot, path);
            if (File.Exists(full) && File.ReadAllBytes(full).AsSpan().SequenceEqual(content))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
            changed.Add($"写入 written: {path}");
        }

        RemoveEmptyFolders(solutionRoot);
        return changed;
    }

    private IEnumerable<string> Stale(string solutionRoot)
    {
        var root = Path.GetFullPath(solutionRoot);
        return new[] { SolutionPaths.StepsFolder, SolutionPaths.CustomApisFolder, SolutionPaths.PluginAssembliesFolder }
            .Select(f => Path.Combine(root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => IsOwned(p) && !files.ContainsKey(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    private static void RemoveEmptyFolders(string solutionRoot)
    {
        foreach (var folder in new[] { SolutionPaths.StepsFolder, SolutionPaths.CustomApisFolder, SolutionPaths.PluginAssembliesFolder })
        {
            var full = Path.Combine(solutionRoot, folder);
            if (!Directory.Exists(full))
            {
                continue;
            }

            foreach (var directory in Directory.EnumerateDirectories(full, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
        }
    }

    private static string Full(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
}
