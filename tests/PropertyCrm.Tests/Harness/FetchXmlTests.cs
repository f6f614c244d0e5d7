using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Harness;

public sealed class FetchXmlTests
{
    private readonly FakeDataverse dataverse = new();
    private readonly Guid projectA;
    private readonly Guid projectB;

    public FetchXmlTests()
    {
        projectA = dataverse.Seed(new Entity("pcrm_project") { ["pcrm_name"] = "A 小区" });
        projectB = dataverse.Seed(new Entity("pcrm_project") { ["pcrm_name"] = "B 商业" });
        Bill("F-1", projectA, 100m, 1, HarnessClock.DefaultStart.AddDays(-2));
        Bill("F-2", projectA, 200m, 2, HarnessClock.DefaultStart.AddDays(-1));
        Bill("F-3", projectB, 50m, 1, HarnessClock.DefaultStart);
        Bill("F-4", projectB, 25m, 2, HarnessClock.DefaultStart.AddDays(5));
        Bill("F-5", projectB, 25m, 1, null);
    }

    [Fact]
    public void Fetch_FilterOrderAndLink_ReturnsAliasedColumns()
    {
        var fetch = @"<fetch>
  <entity name='pcrm_bill'>
    <attribute name='pcrm_code' />
    <order attribute='pcrm_amount' descending='true' />
    <filter type='and'>
      <condition attribute='pcrm_amount' operator='ge' value='50' />
      <filter type='or'>
        <condition attribute='pcrm_status' operator='eq' value='2' />
        <condition attribute='pcrm_code' operator='like' value='%3' />
      </filter>
    </filter>
    <link-entity name='pcrm_project' from='pcrm_projectid' to='pcrm_projectid' alias='p' link-type='inner'>
      <attribute name='pcrm_name' />
    </link-entity>
  </entity>
</fetch>";

        var rows = dataverse.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities;

        Assert.Equal(new[] { "F-2", "F-3" }, rows.Select(r => (string)r["pcrm_code"]));
        Assert.Equal(new[] { "A 小区", "B 商业" }, rows.Select(r => (string)r.GetAttributeValue<AliasedValue>("p.pcrm_name").Value));
        Assert.Equal(new[] { "p.pcrm_name", "pcrm_billid", "pcrm_code" }, rows[0].Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Fetch_InWithValueElementsAndDateOperators_Match()
    {
        var fetch = @"<fetch>
  <entity name='pcrm_bill'>
    <attribute name='pcrm_code' />
    <filter>
      <condition attribute='pcrm_code' operator='in'><value>F-1</value><value>F-3</value><value>F-4</value></condition>
      <condition attribute='pcrm_due' operator='on-or-before' value='2025-01-06' />
    </filter>
  </entity>
</fetch>";

        Assert.Equal(new[] { "F-1", "F-3" }, Codes(fetch));
        Assert.Equal(
            new[] { "F-3", "F-4" },
            Codes("<fetch><entity name='pcrm_bill'><attribute name='pcrm_code'/><filter><condition attribute='pcrm_due' operator='next-x-days' value='7'/></filter></entity></fetch>"));
        Assert.Equal(
            new[] { "F-5" },
            Codes("<fetch><entity name='pcrm_bill'><attribute name='pcrm_code'/><filter><condition attribute='pcrm_due' operator='null'/></filter></entity></fetch>"));
        Assert.Equal(
            new[] { "F-1", "F-2", "F-3" },
            Codes("<fetch><entity name='pcrm_bill'><attribute name='pcrm_code'/><filter><condition attribute='pcrm_amount' operator='between'><value>50</value><value>200</value></condition></filter></entity></fetch>"));
    }

    [Fact]
    public void Fetch_AggregateCountAndSumGroupedByLookup_ReturnsAliasedValues()
    {
        var fetch = @"<fetch aggregate='true'>
  <entity name='pcrm_bill'>
    <attribute name='pcrm_projectid' alias='project' groupby='true' />
    <attribute name='pcrm_billid' alias='bills' aggregate='count' />
    <attribute name='pcrm_amount' alias='total' aggregate='sum' />
    <attribute name='pcrm_amount' alias='largest' aggregate='max' />
    <order alias='total' descending='true' />
  </entity>
</fetch>";

        var groups = dataverse.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities;

        Assert.Equal(2, groups.Count);
        var first = groups[0];
        Assert.Equal(projectA, ((EntityReference)first.GetAttributeValue<AliasedValue>("project").Value).Id);
        Assert.Equal(2, Assert.IsType<int>(first.GetAttributeValue<AliasedValue>("bills").Value));
        Assert.Equal(300m, Assert.IsType<Money>(first.GetAttributeValue<AliasedValue>("total").Value).Value);
        Assert.Equal(200m, ((Money)first.GetAttributeValue<AliasedValue>("largest").Value).Value);
        Assert.Equal(3, (int)groups[1].GetAttributeValue<AliasedValue>("bills").Value);
        Assert.Equal(100m, ((Money)groups[1].GetAttributeValue<AliasedValue>("total").Value).Value);
        Assert.Equal("pcrm_amount", first.GetAttributeValue<AliasedValue>("total").AttributeLogicalName);
    }

    [Fact]
    public void Fetch_AggregateWithoutGroupBy_ReturnsOneRow()
    {
        var fetch = @"<fetch aggregate='true'>
  <entity name='pcrm_bill'>
    <attribute name='pcrm_billid' alias='n' aggregate='count' />
    <attribute name='pcrm_due' alias='dues' aggregate='countcolumn' />
    <attribute name='pcrm_amount' alias='distinctamounts' aggregate='countcolumn' distinct='true' />
    <attribute name='pcrm_amount' alias='avg' aggregate='avg' />
    <filter><condition attribute='pcrm_status' operator='eq' value='1' /></filter>
  </entity>
</fetch>";

        var row = Assert.Single(dataverse.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities);

        Assert.Equal(3, row.GetAttributeValue<AliasedValue>("n").Value);
        Assert.Equal(2, row.GetAttributeValue<AliasedValue>("dues").Value);
        Assert.Equal(3, row.GetAttributeValue<AliasedValue>("distinctamounts").Value);
        Assert.Equal(175m / 3m, ((Money)row.GetAttributeValue<AliasedValue>("avg").Value).Value);
    }

    [Fact]
    public void Fetch_GroupByLinkedColumn_GroupsThroughTheJoin()
    {
        var fetch = @"<fetch aggregate='true'>
  <entity name='pcrm_bill'>
    <attribute name='pcrm_billid' alias='n' aggregate='count' />
    <link-entity name='pcrm_project' from='pcrm_projectid' to='pcrm_projectid' alias='p'>
      <attribute name='pcrm_name' alias='project' groupby='true' />
    </link-entity>
    <order alias='project' />
  </entity>
</fetch>";

        var groups = dataverse.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities;

        Assert.Equal(new[] { "A 小区", "B 商业" }, groups.Select(g => (string)g.GetAttributeValue<AliasedValue>("project").Value));
        Assert.Equal(new[] { 2, 3 }, groups.Select(g => (int)g.GetAttributeValue<AliasedValue>("n").Value));
    }

    [Fact]
    public void Fetch_CountPageAndCookie_PagesLikeQueryExpression()
    {
        const string Template = "<fetch count='2' page='{0}'{1}><entity name='pcrm_bill'><attribute name='pcrm_code'/><order attribute='pcrm_code'/></entity></fetch>";
        var first = dataverse.Service.RetrieveMultiple(new FetchExpression(string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, 1, string.Empty)));
        var cookie = System.Security.SecurityElement.Escape(first.PagingCookie);
        var second = dataverse.Service.RetrieveMultiple(new FetchExpression(string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            Template,
            2,
            $" paging-cookie='{cookie}'")));

        Assert.Equal(new[] { "F-1", "F-2" }, first.Entities.Select(e => (string)e["pcrm_code"]));
        Assert.True(first.MoreRecords);
        Assert.Equal(new[] { "F-3", "F-4" }, second.Entities.Select(e => (string)e["pcrm_code"]));
    }

    [Fact]
    public void Fetch_TopAndNoAttributes_ReturnsAllColumnsAndCountsIt()
    {
        var rows = dataverse.Service.RetrieveMultiple(new FetchExpression("<fetch top='1'><entity name='pcrm_bill'><order attribute='pcrm_code' descending='true'/></entity></fetch>")).Entities;

        Assert.Equal("F-5", Assert.Single(rows)["pcrm_code"]);
        Assert.Equal(1, dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Fetch_UnknownOperator_FaultsNamingIt()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => Codes("<fetch><entity name='pcrm_bill'><filter><condition attribute='pcrm_due' operator='in-fiscal-year' value='2025'/></filter></entity></fetch>"));

        Assert.Contains("in-fiscal-year", fault.Message, StringComparison.Ordinal);
    }

    private void Bill(string code, Guid project, decimal amount, int status, DateTime? due) =>
        dataverse.Seed(new Entity("pcrm_bill")
        {
            ["pcrm_code"] = code,
            ["pcrm_projectid"] = new EntityReference("pcrm_project", project),
            ["pcrm_amount"] = new Money(amount),
            ["pcrm_status"] = new OptionSetValue(status),
            ["pcrm_due"] = due,
        });

    private string[] Codes(string fetch) =>
        dataverse.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => (string)e["pcrm_code"]).OrderBy(c => c, StringComparer.Ordinal).ToArray();
}
