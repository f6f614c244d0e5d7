using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Xml;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Microsoft's 9.0.0.2090 customization schemas, embedded in pcrm from tools/pcrm/Schemas/9.0.0.2090 (provenance
/// in the README there), so validate and pack need nothing outside the repository. Resources are named
/// <c>Schemas/&lt;file&gt;</c> (LogicalName in the project file); the resolver answers only those names, so
/// a schema can never reach the network or the disk through an xs:include.
/// </summary>
internal static class EmbeddedSchemas
{
    public const string Version = "9.0.0.2090";
    private const string ResourcePrefix = "Schemas/";

    // A URI that only this resolver understands; "pcrm-schemas" is not a scheme any other resolver serves.
    private static readonly Uri BaseUri = new($"pcrm-schemas://dataverse/{Version}/");

    public static SchemaSource Source { get; } =
        SchemaSource.Embedded(BaseUri, new ResourceResolver(), $"built-in {Version} (pcrm)");

    /// <summary>The embedded file names, for the tests that pin the set.</summary>
    public static string[] Files() =>
        typeof(EmbeddedSchemas).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    private sealed class ResourceResolver : XmlResolver
    {
        public override ICredentials Credentials
        {
            set { }
        }

        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = ResourcePrefix + absoluteUri.Segments[^1];
            if (absoluteUri.Scheme != BaseUri.Scheme)
            {
                throw new XmlException($"内置 XSD 只能引用内置文件 / the built-in schemas may only include built-in files: {absoluteUri}");
            }

            return typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(name)
                ?? throw new FileNotFoundException($"pcrm 未内置此 XSD / schema not embedded in pcrm: {name}", name);
        }
    }
}
