using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Tests.Packaging;

/// <summary>A throw-away copy of a solution folder in the temp directory, with helpers to break it on purpose.</summary>
internal sealed class SolutionCopy : IDisposable
{
    private SolutionCopy(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static SolutionCopy Of(string source)
    {
        var root = Path.Combine(Path.GetTempPath(), "pcrm-tests", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new SolutionCopy(root);
    }

    public string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>First file (relative, sorted) matching a pattern under a folder, skipping managed twins.</summary>
    public string FirstFile(string folder, string pattern, Func<XDocument, bool>? where = null) =>
        Directory.EnumerateFiles(Full(folder), pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetFileNameWithoutExtension(f).EndsWith("_managed", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .First(f => where is null || where(XDocument.Load(Full(f))));

    /// <summary>Loads a file, lets the test change it, saves it back.</summary>
    public void Edit(string relative, Action<XDocument> change)
    {
        var document = XDocument.Load(Full(relative), LoadOptions.PreserveWhitespace);
        change(document);
        document.Save(Full(relative), SaveOptions.DisableFormatting);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
