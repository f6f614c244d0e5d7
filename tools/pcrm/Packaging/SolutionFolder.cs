using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Read access to an unpacked solution folder. Every element it hands out is detached from its file's
/// document and carries a <see cref="SourceOrigin"/> plus line numbers, so it can be moved into the merged
/// customizations.xml and still be traced back to its file.
/// </summary>
internal sealed class SolutionFolder
{
    public SolutionFolder(string root)
    {
        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Root))
        {
            throw new SolutionFormatException(root, "解决方案文件夹不存在 / solution folder does not exist");
        }
    }

    public string Root { get; }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public bool FileExists(string relativePath) => File.Exists(FullPath(relativePath));

    public bool FolderExists(string relativePath) => Directory.Exists(FullPath(relativePath));

    /// <summary>Files under a folder matching a pattern, relative and sorted ordinally so merges are deterministic.</summary>
    public IReadOnlyList<string> Files(string folder, string pattern, bool recursive = false)
    {
        var full = FullPath(folder);
        if (!Directory.Exists(full))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateFiles(full, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(Relative)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Immediate sub-folders, relative and sorted.</summary>
    public IReadOnlyList<string> Folders(string folder)
    {
        var full = FullPath(folder);
        if (!Directory.Exists(full))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateDirectories(full)
            .Select(Relative)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Loads a file and returns its root element, detached and annotated with its origin.</summary>
    public XElement ReadRoot(string relativePath)
    {
        var document = Load(relativePath, LoadOptions.SetLineInfo);
        var root = document.Root ?? throw new SolutionFormatException(relativePath, "空的 XML 文件 / empty XML file");
        root.Remove();
        root.AddAnnotation(new SourceOrigin(relativePath));
        return root;
    }

    /// <summary>Loads a whole document (used for Other/Solution.xml, which is rewritten rather than merged).</summary>
    public XDocument Load(string relativePath, LoadOptions options)
    {
        var full = FullPath(relativePath);
        if (!File.Exists(full))
        {
            throw new SolutionFormatException(relativePath, "文件缺失 / file is missing");
        }

        try
        {
            var document = XDocument.Load(full, options);
            document.Root?.AddAnnotation(new SourceOrigin(relativePath));
            return document;
        }
        catch (XmlException e)
        {
            throw new SolutionFormatException(relativePath, $"XML 格式错误 / malformed XML (line {e.LineNumber}): {e.Message}", e);
        }
    }

    /// <summary>
    /// The file a package of the given kind uses: for a managed zip the `_managed` twin when it exists
    /// (doc D1: form file names vary by managed or unmanaged), else the file itself.
    /// </summary>
    public string Variant(string relativePath, PackageKind kind)
    {
        if (kind == PackageKind.Managed)
        {
            var twin = ManagedTwinOf(relativePath);
            if (FileExists(twin))
            {
                return twin;
            }
        }

        return relativePath;
    }

    public static bool IsManagedTwin(string relativePath) =>
        Path.GetFileNameWithoutExtension(relativePath).EndsWith(SolutionPaths.ManagedSuffix, StringComparison.Ordinal);

    public static string ManagedTwinOf(string relativePath)
    {
        var extension = Path.GetExtension(relativePath);
        return relativePath[..^extension.Length] + SolutionPaths.ManagedSuffix + extension;
    }

    private string Relative(string full) => Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
}
