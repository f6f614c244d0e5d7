using System.Collections.Generic;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>A file that goes into the zip beside customizations.xml (DLL, XAML, web-resource body, verbatim folder file).</summary>
/// <param name="ZipPath">Entry name inside the zip, without a leading '/'.</param>
/// <param name="SourcePath">Absolute path of the bytes on disk, or null when the file could not be found.</param>
/// <param name="DeclaredIn">The Solution/ file that names this part, for error messages.</param>
internal sealed record SidePart(string ZipPath, string? SourcePath, string DeclaredIn);

/// <summary>customizations.xml as pack builds it for one package kind, plus every part that travels with it.</summary>
internal sealed class MergedSolution
{
    public MergedSolution(PackageKind kind, XDocument customizations, IReadOnlyList<SidePart> sideParts)
    {
        Kind = kind;
        Customizations = customizations;
        SideParts = sideParts;
    }

    public PackageKind Kind { get; }

    public XDocument Customizations { get; }

    public IReadOnlyList<SidePart> SideParts { get; }
}
