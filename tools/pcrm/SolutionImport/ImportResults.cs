using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace PropertyCrm.Cli.SolutionImport;

/// <summary>One component's line in the import job's data: kind (entity, optionSet, workflow…), name, result, error text.</summary>
internal sealed record ComponentResult(string Kind, string Name, bool Succeeded, string ErrorText);

/// <summary>
/// Reads importjob.data, the XML log Dataverse writes while importing (&lt;importexportxml&gt;; each component an element
/// with a &lt;result result="success|failure" errorcode errortext&gt; child).
/// </summary>
internal static class ImportResults
{
    public static IReadOnlyList<ComponentResult> Parse(string? data)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            return Array.Empty<ComponentResult>();
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(data);
        }
        catch (XmlException)
        {
            return Array.Empty<ComponentResult>();
        }

        return document.Descendants("result")
            .Where(r => r.Parent is not null)
            .Select(r =>
            {
                var component = r.Parent!;
                var name = (string?)component.Attribute("LocalizedName") ?? (string?)component.Attribute("name") ?? (string?)component.Attribute("id") ?? component.Name.LocalName;
                var succeeded = !string.Equals((string?)r.Attribute("result"), "failure", StringComparison.OrdinalIgnoreCase);
                return new ComponentResult(component.Name.LocalName, name, succeeded, (string?)r.Attribute("errortext") ?? string.Empty);
            })
            .ToList();
    }
}
