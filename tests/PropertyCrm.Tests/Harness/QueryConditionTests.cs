using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Harness;

public sealed class QueryConditionTests
{
    private const string Table = "pcrm_bill";

    private readonly FakeDataverse dataverse = new();
    private readonly Guid ownerA = Guid.NewGuid();
    private readonly Guid ownerB = Guid.NewGuid();

    public QueryConditionTests()
    {
        var now = HarnessClock.DefaultStart;
        Seed("B-001", 100m, 1, ownerA, now.AddDays(-1), "张三");
        Seed("B-002", 250m, 2, ownerA, now.AddDays(-10), "李四");
        Seed("B-003", 250m, 3, ownerB, now.AddDays(-40), "王五");
        Seed("B-004", 900m, 1, ownerB, now.AddDays(3), null);
    }

    public static TheoryData<ConditionOperator, object[], string[]> Comparisons => new()
    {
        { ConditionOperator.Equal, new object[] { "b-002" }, new[] { "B-002" } },
        { ConditionOperator.NotEqual, new object[] { "B-002" }, new[] { "B-001", "B-003", "B-004" } },
        { ConditionOperator.GreaterThan, new object[] { "B-002" }, new[] { "B-003", "B-004" } },
        { ConditionOperator.GreaterEqual, new object[] { "B-002" }, new[] { "B-002", "B-003", "B-004" } },
        { ConditionOperator.LessThan, new object[] { "B-002" }, new[] { "B-001" } },
        { ConditionOperator.LessEqual, new object[] { "B-002" }, new[] { "B-001", "B-002" } },
        { ConditionOperator.In, new object[] { "B-001", "B-004", "B-999" }, new[] { "B-001", "B-004" } },
        { ConditionOperator.NotIn, new object[] { "B-001", "B-004" }, new[] { "B-002", "B-003" } },
        { ConditionOperator.Like, new object[] { "B-00_" }, new[] { "B-001", "B-002", "B-003", "B-004" } },
        { ConditionOperator.Like, new object[] { "%3" }, new[] { "B-003" } },
        { ConditionOperator.NotLike, new object[] { "%3" }, new[] { "B-001", "B-002", "B-004" } },
        { ConditionOperator.BeginsWith, new object[] { "b-00" }, new[] { "B-001", "B-002", "B-003", "B-004" } },
        { ConditionOperator.EndsWith, new object[] { "4" }, new[] { "B-004" } },
        { ConditionOperator.Between, new object[] { "B-002", "B-003" }, new[] { "B-002", "B-003" } },
        { ConditionOperator.NotBetween, new object[] { "B-002", "B-003" }, new[] { "B-001", "B-004" } },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void RetrieveMultiple_ComparisonOnString_MatchesCaseInsensitively(ConditionOperator op, object[] values, string[] expected)
    {
        Assert.Equal(expected, Codes(new ConditionExpression("pcrm_code", op, values)));
    }

    [Fact]
    public void RetrieveMultiple_MoneyComparedWithDecimal_UsesUnderlyingValue()
    {
        Assert.Equal(new[] { "B-002", "B-003", "B-004" }, Codes(new ConditionExpression("pcrm_amount", ConditionOperator.GreaterEqual, 250m)));
        Assert.Equal(new[] { "B-001" }, Codes(new ConditionExpression("pcrm_amount", ConditionOperator.LessThan, new Money(250m))));
    }

    [Fact]
    public void RetrieveMultiple_OptionSetComparedWithInt_UsesUnderlyingValue()
    {
        Assert.Equal(new[] { "B-001", "B-004" }, Codes(new ConditionExpression("pcrm_status", ConditionOperator.Equal, 1)));
        Assert.Equal(new[] { "B-002", "B-003" }, Codes(new ConditionExpression("pcrm_status", ConditionOperator.In, 2, 3)));
    }

    [Fact]
    public void RetrieveMultiple_LookupComparedWithGuid_UsesReferencedId()
    {
        Assert.Equal(new[] { "B-003", "B-004" }, Codes(new ConditionExpression("pcrm_ownerid", ConditionOperator.Equal, ownerB)));
    }

    [Fact]
    public void RetrieveMultiple_NullAndNotNull_TestPresence()
    {
        Assert.Equal(new[] { "B-004" }, Codes(new ConditionExpression("pcrm_payer", ConditionOperator.Null)));
        Assert.Equal(new[] { "B-001", "B-002", "B-003" }, Codes(new ConditionExpression("pcrm_payer", ConditionOperator.NotNull)));
    }

    [Fact]
    public void RetrieveMultiple_NotEqualOnNullColumn_ExcludesNullsLikeSql()
    {
        Assert.Equal(new[] { "B-001", "B-002", "B-003" }, Codes(new ConditionExpression("pcrm_payer", ConditionOperator.NotEqual, "赵六")));
    }

    [Fact]
    public void RetrieveMultiple_DateOperators_UseHarnessClock()
    {
        var today = HarnessClock.DefaultStart.Date;
        Assert.Equal(new[] { "B-001" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.On, today.AddDays(-1))));
        Assert.Equal(new[] { "B-001", "B-002", "B-003" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.OnOrBefore, today)));
        Assert.Equal(new[] { "B-001", "B-004" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.OnOrAfter, today.AddDays(-1))));
        Assert.Equal(new[] { "B-001", "B-002" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.LastXDays, 30)));
        Assert.Equal(new[] { "B-004" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.NextXDays, 7)));
        Assert.Equal(new[] { "B-002", "B-003" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.OlderThanXDays, 5)));
        Assert.Equal(new[] { "B-001" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.Yesterday)));
    }

    [Fact]
    public void RetrieveMultiple_DateOperators_FollowClockMovement()
    {
        dataverse.Clock.AdvanceBy(TimeSpan.FromDays(30));

        Assert.Equal(new[] { "B-001", "B-002", "B-003", "B-004" }, Codes(new ConditionExpression("pcrm_due", ConditionOperator.OlderThanXDays, 5)));
        Assert.Empty(Codes(new ConditionExpression("pcrm_due", ConditionOperator.NextXDays, 7)));
    }

    [Fact]
    public void RetrieveMultiple_UnsupportedOperator_FaultNamesIt()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => Codes(new ConditionExpression("pcrm_due", ConditionOperator.ThisFiscalYear)));

        Assert.Equal(DataverseErrorCodes.QueryBuilderInvalidConditionOperator, fault.ErrorCode);
        Assert.Contains("ThisFiscalYear", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetrieveMultiple_NestedAndOrFilters_CombineLikeSql()
    {
        // status = 1 AND (amount > 500 OR payer = 张三)  →  B-001, B-004
        var query = Query();
        query.Criteria.AddCondition("pcrm_status", ConditionOperator.Equal, 1);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("pcrm_amount", ConditionOperator.GreaterThan, 500m);
        either.AddCondition("pcrm_payer", ConditionOperator.Equal, "张三");

        Assert.Equal(new[] { "B-001", "B-004" }, Run(query));

        // (status = 2 AND owner = A) OR (status = 3)  →  B-002, B-003
        var or = Query();
        or.Criteria.FilterOperator = LogicalOperator.Or;
        var both = or.Criteria.AddFilter(LogicalOperator.And);
        both.AddCondition("pcrm_status", ConditionOperator.Equal, 2);
        both.AddCondition("pcrm_ownerid", ConditionOperator.Equal, ownerA);
        or.Criteria.AddCondition("pcrm_status", ConditionOperator.Equal, 3);

        Assert.Equal(new[] { "B-002", "B-003" }, Run(or));
    }

    [Fact]
    public void RetrieveMultiple_InWithArrayValue_FlattensLikeTheSdk()
    {
        Assert.Equal(new[] { "B-001", "B-002" }, Codes(new ConditionExpression("pcrm_code", ConditionOperator.In, new[] { "B-001", "B-002" })));
    }

    private void Seed(string code, decimal amount, int status, Guid owner, DateTime due, string? payer) =>
        dataverse.Seed(new Entity(Table)
        {
            ["pcrm_code"] = code,
            ["pcrm_amount"] = new Money(amount),
            ["pcrm_status"] = new OptionSetValue(status),
            ["pcrm_ownerid"] = new EntityReference("contact", owner),
            ["pcrm_due"] = due,
            ["pcrm_payer"] = payer,
        });

    private static QueryExpression Query() => new(Table) { ColumnSet = new ColumnSet("pcrm_code") };

    private string[] Codes(ConditionExpression condition)
    {
        var query = Query();
        query.Criteria.AddCondition(condition);
        return Run(query);
    }

    private string[] Run(QueryExpression query) =>
        dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("pcrm_code")).OrderBy(c => c, StringComparer.Ordinal).ToArray();
}
