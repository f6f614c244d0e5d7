using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Harness;

public sealed class QueryShapeTests
{
    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void RetrieveMultiple_InnerAndOuterLinks_ReturnAliasedValuesKeyedAliasDotColumn()
    {
        var building = dataverse.Seed(new Entity("pcrm_building") { ["pcrm_name"] = "1号楼" });
        var unitWithBuilding = dataverse.Seed(new Entity("pcrm_unit") { ["pcrm_name"] = "101", ["pcrm_buildingid"] = new EntityReference("pcrm_building", building) });
        dataverse.Seed(new Entity("pcrm_unit") { ["pcrm_name"] = "无楼栋" });

        var query = new QueryExpression("pcrm_unit") { ColumnSet = new ColumnSet("pcrm_name") };
        var link = query.AddLink("pcrm_building", "pcrm_buildingid", "pcrm_buildingid", JoinOperator.Inner);
        link.EntityAlias = "b";
        link.Columns = new ColumnSet("pcrm_name");

        var inner = dataverse.Service.RetrieveMultiple(query).Entities;

        var row = Assert.Single(inner);
        Assert.Equal(unitWithBuilding, row.Id);
        var aliased = Assert.IsType<AliasedValue>(row["b.pcrm_name"]);
        Assert.Equal("pcrm_building", aliased.EntityLogicalName);
        Assert.Equal("pcrm_name", aliased.AttributeLogicalName);
        Assert.Equal("1号楼", aliased.Value);

        link.JoinOperator = JoinOperator.LeftOuter;
        var outer = dataverse.Service.RetrieveMultiple(query).Entities;
        Assert.Equal(2, outer.Count);
        Assert.Single(outer, e => !e.Contains("b.pcrm_name"));
    }

    [Fact]
    public void RetrieveMultiple_NestedLinkWithCriteria_FiltersThroughTwoHops()
    {
        var projectA = dataverse.Seed(new Entity("pcrm_project") { ["pcrm_name"] = "A 小区", ["pcrm_type"] = new OptionSetValue(1) });
        var projectB = dataverse.Seed(new Entity("pcrm_project") { ["pcrm_name"] = "B 商业", ["pcrm_type"] = new OptionSetValue(3) });
        var blockA = dataverse.Seed(new Entity("pcrm_block") { ["pcrm_projectid"] = new EntityReference("pcrm_project", projectA) });
        var blockB = dataverse.Seed(new Entity("pcrm_block") { ["pcrm_projectid"] = new EntityReference("pcrm_project", projectB) });
        var roomA = dataverse.Seed(new Entity("pcrm_room") { ["pcrm_blockid"] = new EntityReference("pcrm_block", blockA) });
        dataverse.Seed(new Entity("pcrm_room") { ["pcrm_blockid"] = new EntityReference("pcrm_block", blockB) });

        var query = new QueryExpression("pcrm_room") { ColumnSet = new ColumnSet(false) };
        var block = query.AddLink("pcrm_block", "pcrm_blockid", "pcrm_blockid");
        var project = block.AddLink("pcrm_project", "pcrm_projectid", "pcrm_projectid");
        project.EntityAlias = "p";
        project.Columns = new ColumnSet("pcrm_name");
        project.LinkCriteria.AddCondition("pcrm_type", ConditionOperator.Equal, 1);

        var row = Assert.Single(dataverse.Service.RetrieveMultiple(query).Entities);
        Assert.Equal(roomA, row.Id);
        Assert.Equal("A 小区", row.GetAttributeValue<AliasedValue>("p.pcrm_name").Value);
    }

    [Fact]
    public void RetrieveMultiple_OuterLinkWithNullCondition_FindsRowsWithoutChildren()
    {
        var busy = dataverse.Seed(new Entity("contact") { ["fullname"] = "有工单" });
        var idle = dataverse.Seed(new Entity("contact") { ["fullname"] = "无工单" });
        dataverse.Seed(new Entity("pcrm_request") { ["pcrm_contactid"] = new EntityReference("contact", busy) });

        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        var link = query.AddLink("pcrm_request", "contactid", "pcrm_contactid", JoinOperator.LeftOuter);
        link.EntityAlias = "r";
        query.Criteria.AddCondition("r", "pcrm_requestid", ConditionOperator.Null);

        Assert.Equal(idle, Assert.Single(dataverse.Service.RetrieveMultiple(query).Entities).Id);
    }

    [Fact]
    public void RetrieveMultiple_MultipleOrders_SortsByEachThenKey()
    {
        Seed("c", 1);
        Seed("a", 2);
        Seed("b", 1);
        Seed("d", 2);

        var query = new QueryExpression("pcrm_item") { ColumnSet = new ColumnSet("pcrm_name") };
        query.AddOrder("pcrm_rank", OrderType.Descending);
        query.AddOrder("pcrm_name", OrderType.Ascending);

        Assert.Equal(new[] { "a", "d", "b", "c" }, Names(query));
    }

    [Fact]
    public void RetrieveMultiple_TopCount_ReturnsFirstRowsWithoutMore()
    {
        foreach (var name in new[] { "e", "b", "d", "a", "c" })
        {
            Seed(name, 0);
        }

        var query = new QueryExpression("pcrm_item") { ColumnSet = new ColumnSet("pcrm_name"), TopCount = 2 };
        query.AddOrder("pcrm_name", OrderType.Ascending);

        var result = dataverse.Service.RetrieveMultiple(query);
        Assert.Equal(new[] { "a", "b" }, result.Entities.Select(e => (string)e["pcrm_name"]));
        Assert.False(result.MoreRecords);
    }

    [Fact]
    public void RetrieveMultiple_TopCountWithPaging_Faults()
    {
        var query = new QueryExpression("pcrm_item") { TopCount = 2, PageInfo = new PagingInfo { Count = 10, PageNumber = 1 } };

        Assert.Equal(DataverseErrorCodes.InvalidArgument, Assert.Throws<DataverseFaultException>(() => dataverse.Service.RetrieveMultiple(query)).ErrorCode);
    }

    [Fact]
    public void RetrieveMultiple_Distinct_CollapsesEqualRows()
    {
        Seed("x", 1);
        Seed("x", 1);
        Seed("y", 1);

        var query = new QueryExpression("pcrm_item") { ColumnSet = new ColumnSet("pcrm_name"), Distinct = true };

        Assert.Equal(new[] { "x", "y" }, Names(query).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void QueryByAttribute_AttributesAndValues_MatchAllOfThem()
    {
        Seed("x", 1);
        Seed("x", 2);
        Seed("y", 1);

        var query = new QueryByAttribute("pcrm_item") { ColumnSet = new ColumnSet("pcrm_name", "pcrm_rank") };
        query.AddAttributeValue("pcrm_name", "x");
        query.AddAttributeValue("pcrm_rank", 2);

        var row = Assert.Single(dataverse.Service.RetrieveMultiple(query).Entities);
        Assert.Equal(2, row["pcrm_rank"]);
    }

    [Fact]
    public void RetrieveMultiple_PagingCookieOver12000Rows_StableWhileRowsInsertedBehindCursor()
    {
        for (var i = 0; i < 12_000; i++)
        {
            dataverse.Seed(new Entity("pcrm_item") { ["pcrm_rank"] = i });
        }

        var query = new QueryExpression("pcrm_item") { ColumnSet = new ColumnSet("pcrm_rank"), PageInfo = new PagingInfo { PageNumber = 1 } };
        query.AddOrder("pcrm_rank", OrderType.Ascending);
        var seen = new System.Collections.Generic.List<int>();
        var pages = 0;
        while (true)
        {
            var page = dataverse.Service.RetrieveMultiple(query);
            pages++;
            Assert.True(page.Entities.Count <= 5000);
            seen.AddRange(page.Entities.Select(e => (int)e["pcrm_rank"]));
            Assert.Matches(
                "^<cookie page=\"" + pages + "\"><pcrm_rank last=\"[0-9]+\" first=\"[0-9]+\" /><pcrm_itemid last=\"\\{[0-9A-F-]{36}\\}\" first=\"\\{[0-9A-F-]{36}\\}\" /></cookie>$",
                page.PagingCookie);
            if (!page.MoreRecords)
            {
                break;
            }

            // Rows that sort before the cursor appear while paging; the cookie keeps later pages exact.
            dataverse.Seed(new Entity("pcrm_item") { ["pcrm_rank"] = -pages });
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 12_000), seen);
    }

    [Fact]
    public void RetrieveMultiple_PageNumberWithoutCookie_SkipsPages()
    {
        for (var i = 0; i < 25; i++)
        {
            dataverse.Seed(new Entity("pcrm_item") { ["pcrm_rank"] = i });
        }

        var query = new QueryExpression("pcrm_item")
        {
            ColumnSet = new ColumnSet("pcrm_rank"),
            PageInfo = new PagingInfo { Count = 10, PageNumber = 3, ReturnTotalRecordCount = true },
        };
        query.AddOrder("pcrm_rank", OrderType.Ascending);

        var page = dataverse.Service.RetrieveMultiple(query);

        Assert.Equal(Enumerable.Range(20, 5), page.Entities.Select(e => (int)e["pcrm_rank"]));
        Assert.False(page.MoreRecords);
        Assert.Equal(25, page.TotalRecordCount);
    }

    [Fact]
    public void RetrieveMultiple_NoPageInfo_ReturnsAtMost5000()
    {
        for (var i = 0; i < 5001; i++)
        {
            dataverse.Seed(new Entity("pcrm_item"));
        }

        var result = dataverse.Service.RetrieveMultiple(new QueryExpression("pcrm_item"));

        Assert.Equal(5000, result.Entities.Count);
        Assert.True(result.MoreRecords);
    }

    private void Seed(string name, int rank) => dataverse.Seed(new Entity("pcrm_item") { ["pcrm_name"] = name, ["pcrm_rank"] = rank });

    private string[] Names(QueryExpression query) =>
        dataverse.Service.RetrieveMultiple(query).Entities.Select(e => (string)e["pcrm_name"]).ToArray();
}
