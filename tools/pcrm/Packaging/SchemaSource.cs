using System;
using System.IO;
using System.Xml;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Where the Dataverse XSDs are read from: a folder on disk (--schemas, PCRM_SCHEMAS) or the set embedded in
/// pcrm (<see cref="EmbeddedSchemas"/>). Both hand XmlSchemaSet an absolute URI per file and a resolver that
/// serves the files' xs:include targets from the same place.
/// </summary>
internal sealed class SchemaSource
{
    private readonly Uri baseUri;

    private SchemaSource(Uri baseUri, XmlResolver resolver, string description)
    {
        this.baseUri = baseUri;
        Resolver = resolver;
        Description = description;
    }

    public XmlResolver Resolver { get; }

    public string Description { get; }

    public static SchemaSource FromFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        return new SchemaSource(new Uri(full.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar), new XmlUrlResolver(), full);
    }

    public static SchemaSource Embedded(Uri baseUri, XmlResolver resolver, string description) =>
        new(baseUri, resolver, description);

    /// <summary>The file's URI; a folder source refuses a file that is not there (the set would be silently incomplete).</summary>
    public Uri Uri(string file)
    {
        var uri = new Uri(baseUri, file);
        if (uri.IsFile && Resolver is XmlUrlResolver && !File.Exists(uri.LocalPath))
        {
            throw new FileNotFoundException($"找不到 XSD / schema file not found: {uri.LocalPath}", uri.LocalPath);
        }

        return uri;
    }
}
