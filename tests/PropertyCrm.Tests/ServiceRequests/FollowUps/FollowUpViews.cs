using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.ServiceRequests.FollowUps;

/// <summary>The shipped 回访 and 挽回 views, run as FetchXML from <c>Solution/</c> the way the app runs them.</summary>
internal static class FollowUpViews
{
    /// <summary>The ids of the rows the view of <paramref name="table"/> named <paramref name="chineseName"/> shows to the user of <paramref name="service"/>.</summary>
    public static Guid[] Run(IOrganizationService service, string table, string chineseName) =>
        service.RetrieveMultiple(new FetchExpression(Fetch(table, chineseName))).Entities.Select(e => e.Id).ToArray();

    private static string Fetch(string table, string chineseName)
    {
        var folder = Path.Combine(RepoPaths.Solution, "Entities", table, "SavedQueries");
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            var query = XDocument.Load(file).Root!.Element("savedquery")!;
            if (query.Descendants("LocalizedName").Any(n => (string?)n.Attribute("description") == chineseName))
            {
                return query.Element("fetchxml")!.Element("fetch")!.ToString();
            }
        }

        throw new InvalidOperationException($"No {table} view named {chineseName}.");
    }
}
