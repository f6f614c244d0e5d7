using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Kpis;

/// <summary>
/// The harness refuses an aggregate over more than 50,000 rows as Dataverse does (Learn, "Aggregate data using FetchXml":
/// AggregateQueryRecordLimit exceeded), so a KPI query that would not split by property and month fails here first.
/// </summary>
public sealed class AggregateLimitTests
{
    private const string Fetch = "<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='count' /></entity></fetch>";

    [Fact]
    public void Aggregate_FiftyThousandRows_Counted()
    {
        var dataverse = Seeded(50_000);

        var result = dataverse.Service.RetrieveMultiple(new FetchExpression(Fetch));

        Assert.Equal(50_000, result.Entities.Single().GetAttributeValue<AliasedValue>("n").Value);
    }

    [Fact]
    public void Aggregate_OverFiftyThousandRows_RefusedWithTheRecordLimitFault()
    {
        var dataverse = Seeded(50_001);

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.RetrieveMultiple(new FetchExpression(Fetch)));

        Assert.Equal(DataverseErrorCodes.AggregateQueryRecordLimitExceeded, fault.ErrorCode);
    }

    private static FakeDataverse Seeded(int rows)
    {
        var dataverse = new FakeDataverse();
        dataverse.Seed(Enumerable.Range(0, rows).Select(i => new Entity("account") { ["name"] = "a" + i }));
        return dataverse;
    }
}
