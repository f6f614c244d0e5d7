using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Serialises XML the way exports look, byte-stable so that generating twice yields no diff:
/// two-space indent, LF line ends, `&lt;a /&gt;` for empty elements.
/// </summary>
internal static class XmlOutput
{
    /// <summary>Classic component files (steps, assembly metadata, Solution.xml): UTF-8 BOM and an XML declaration.</summary>
    public static byte[] ExportFile(XDocument document) => Write(document, bom: true, declaration: true, indent: true);

    /// <summary>
    /// Newer component files (customapi*.xml, environmentvariabledefinition.xml) and the packed
    /// customizations.xml / solution.xml: no BOM, no declaration (SOLUTION-LAYOUT §2 file-name rules; packed
    /// files start directly with &lt;ImportExportXml&gt; in the PentaWork zip).
    /// </summary>
    public static byte[] BareFile(XDocument document) => Write(document, bom: false, declaration: false, indent: true);

    /// <summary>Writes exactly the nodes the document holds (whitespace included): used for surgical edits.</summary>
    public static byte[] Preserving(XDocument document, bool bom) => Write(document, bom, declaration: document.Declaration is not null, indent: false);

    private static byte[] Write(XDocument document, bool bom, bool declaration, bool indent)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(bom),
            Indent = indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.None,
            OmitXmlDeclaration = !declaration,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
