using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>The shipped request views of dispatch, run as FetchXML from <c>Solution/</c> the way the app runs them.</summary>
internal static class DispatchViews
{
    /// <summary>待派工 Awaiting Dispatch.</summary>
    public const string AwaitingDispatch = "待派工";

    /// <summary>我的工单 My Work Orders.</summary>
    public const string MyWorkOrders = "我的工单";

    /// <summary>The ids of the requests the view named <paramref name="chineseName"/> shows to the user of <paramref name="service"/>.</summary>
    public static Guid[] Run(IOrganizationService service, string chineseName) =>
        service.RetrieveMultiple(new FetchExpression(Fetch(chineseName))).Entities.Select(e => e.Id).ToArray();

    private static string Fetch(string chineseName)
    {
        var folder = Path.Combine(RepoPaths.Solution, "Entities", ServiceRequestTable.LogicalName, "SavedQueries");
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml"))
        {
            var query = XDocument.Load(file).Root!.Element("savedquery")!;
            if (query.Descendants("LocalizedName").Any(n => (string?)n.Attribute("description") == chineseName))
            {
                return query.Element("fetchxml")!.Element("fetch")!.ToString();
            }
        }

        throw new InvalidOperationException($"No request view named {chineseName}.");
    }
}
