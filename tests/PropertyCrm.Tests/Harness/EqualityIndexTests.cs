using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Harness;

/// <summary>
/// The row store's equality index changes no answer: each query runs with the index and with a full scan, and both
/// must return the same rows, columns, values, row versions and order — after updates that move rows between values,
/// deletes, type mixes the comparer treats as equal (bool/int, whole double, text holding a number or an id), text in
/// another case, In conditions (union of their values' rows), a text column that also holds numbers (which scans), and
/// OR filters and link conditions (which scan).
/// </summary>
public sealed class EqualityIndexTests
{
    private const string Table = "pcrm_bill";

    private readonly FakeDataverse dataverse = new();
    private readonly Guid ownerA = Guid.NewGuid();
    private readonly Guid ownerB = Guid.NewGuid();
    private readonly List<Guid> ids = new();

    public EqualityIndexTests()
    {
        for (var i = 0; i < 40; i++)
        {
            ids.Add(dataverse.Seed(new Entity(Table)
            {
                ["pcrm_code"] = $"B-{i:000}",
                ["pcrm_status"] = new OptionSetValue(1 + (i % 3)),
                ["pcrm_ownerid"] = new EntityReference("contact", i % 4 == 0 ? ownerB : ownerA),
                ["pcrm_count"] = i % 5,
                ["pcrm_flag"] = i % 2 == 0,
                ["pcrm_ratio"] = i % 7 == 0 ? 2.0 : 2.5,
                ["pcrm_ref"] = i % 3 == 0 ? "12" : "15",
                ["pcrm_refid"] = (i == 7 ? ownerB : ownerA).ToString(),
                ["pcrm_key"] = i % 2 == 0 ? $"care:k-{i % 5}" : $"CARE:K-{i % 5}",
                ["pcrm_mixed"] = i % 4 == 0 ? 3 : (object)$"{i % 3}",
            }));
        }

        // Payments of some bills (a table far larger than the bills one query joins), for the link seek.
        for (var i = 0; i < 120; i++)
        {
            dataverse.Seed(new Entity("pcrm_payment")
            {
                ["pcrm_code"] = $"P-{i:000}",
                ["pcrm_bill"] = new EntityReference(Table, ids[i % 40]),
                ["pcrm_paid"] = i % 3 == 0 ? "yes" : "no",
            });
        }

        // Move rows between values, and delete some: the index keeps old entries, the answers must not.
        for (var i = 0; i < 40; i += 6)
        {
            dataverse.Service.Update(new Entity(Table, ids[i])
            {
                ["pcrm_ownerid"] = new EntityReference("contact", ownerA),
                ["pcrm_status"] = new OptionSetValue(3),
                ["pcrm_key"] = "Moved:K-9",
            });
        }

        for (var i = 1; i < 40; i += 9)
        {
            dataverse.Service.Delete(Table, ids[i]);
        }
    }

    public static TheoryData<string> Queries => new()
    {
        "owner B", "owner A and status 3", "status 2", "count 0 as int", "count 3 as decimal", "flag as 1", "ratio 2", "text 12",
        "text holding an id", "primary key", "owner or status", "absent value", "owner B with link", "primary key with inner link",
        "text in another case", "text upper case", "text in", "text in and status", "text moved from", "text moved to", "text absent",
        "text on a column holding numbers", "owner in", "owner in one", "status in as an int array", "in with a null", "in with text and id",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void RetrieveMultiple_WithAndWithoutIndex_SameAnswer(string name)
    {
        var query = Build(name);

        dataverse.UseEqualityIndex = false;
        var scanned = Text(dataverse.Service.RetrieveMultiple(query));
        dataverse.UseEqualityIndex = true;
        var sought = Text(dataverse.Service.RetrieveMultiple(query));

        Assert.Equal(scanned, sought);
    }

    [Fact]
    public void RetrieveMultiple_AfterUpdateMovesRowAway_IndexNoLongerReturnsIt()
    {
        var query = Build("owner B");
        var before = dataverse.Service.RetrieveMultiple(query).Entities.Count;

        dataverse.Service.Update(new Entity(Table, ids[4]) { ["pcrm_ownerid"] = new EntityReference("contact", ownerA) });

        Assert.Equal(before - 1, dataverse.Service.RetrieveMultiple(query).Entities.Count);
        Assert.DoesNotContain(dataverse.Service.RetrieveMultiple(query).Entities, e => e.Id == ids[4]);
    }

    [Fact]
    public void RetrieveMultiple_TextIndexBuiltThenValuesChange_SameAnswerAsScan()
    {
        // The first text seek builds the column's text index; later writes (another case, a new value, a number)
        // must reach it, and a number in the column sends text conditions back to scanning.
        string Both(QueryExpression query)
        {
            dataverse.UseEqualityIndex = false;
            var scanned = Text(dataverse.Service.RetrieveMultiple(query));
            dataverse.UseEqualityIndex = true;
            var sought = Text(dataverse.Service.RetrieveMultiple(query));
            Assert.Equal(scanned, sought);
            return sought;
        }

        QueryExpression Key(string value)
        {
            var query = new QueryExpression(Table) { ColumnSet = new ColumnSet("pcrm_code", "pcrm_key") };
            query.Criteria.AddCondition("pcrm_key", ConditionOperator.Equal, value);
            return query;
        }

        Assert.EndsWith("\n6", Both(Key("CARE:k-2")));
        dataverse.Service.Update(new Entity(Table, ids[2]) { ["pcrm_key"] = "Later:X" });
        dataverse.Service.Update(new Entity(Table, ids[3]) { ["pcrm_key"] = "later:x" });
        Assert.EndsWith("\n2", Both(Key("LATER:X")));
        Assert.EndsWith("\n5", Both(Key("care:K-2")));
        dataverse.Service.Update(new Entity(Table, ids[5]) { ["pcrm_key"] = 5 });
        Assert.EndsWith("\n1", Both(Key("5")));

        // Text another row's number cannot be read as fails with the index as without it (a seek would hide that row).
        dataverse.UseEqualityIndex = false;
        var scanned = Assert.ThrowsAny<Exception>(() => dataverse.Service.RetrieveMultiple(Key("later:X")));
        dataverse.UseEqualityIndex = true;
        var sought = Assert.ThrowsAny<Exception>(() => dataverse.Service.RetrieveMultiple(Key("later:X")));
        Assert.Equal(scanned.Message, sought.Message);
    }

    private QueryExpression Build(string name)
    {
        var query = new QueryExpression(Table) { ColumnSet = new ColumnSet("pcrm_code", "pcrm_status", "pcrm_ownerid", "versionnumber") };
        var criteria = query.Criteria;
        switch (name)
        {
            case "owner B":
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.Equal, ownerB);
                break;
            case "owner A and status 3":
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.Equal, ownerA);
                criteria.AddCondition("pcrm_status", ConditionOperator.Equal, 3);
                query.AddOrder("pcrm_code", OrderType.Descending);
                break;
            case "status 2":
                criteria.AddCondition("pcrm_status", ConditionOperator.Equal, new OptionSetValue(2));
                break;
            case "count 0 as int":
                criteria.AddCondition("pcrm_count", ConditionOperator.Equal, 0);
                break;
            case "count 3 as decimal":
                criteria.AddCondition("pcrm_count", ConditionOperator.Equal, 3m);
                break;
            case "flag as 1":
                criteria.AddCondition("pcrm_flag", ConditionOperator.Equal, 1);
                break;
            case "ratio 2":
                criteria.AddCondition("pcrm_ratio", ConditionOperator.Equal, 2);
                break;
            case "text 12":
                criteria.AddCondition("pcrm_ref", ConditionOperator.Equal, 12);
                break;
            case "text holding an id":
                criteria.AddCondition("pcrm_refid", ConditionOperator.Equal, ownerB);
                break;
            case "primary key":
                criteria.AddCondition("pcrm_billid", ConditionOperator.Equal, ids[5]);
                break;
            case "owner or status":
                criteria.FilterOperator = LogicalOperator.Or;
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.Equal, ownerB);
                criteria.AddCondition("pcrm_status", ConditionOperator.Equal, 1);
                break;
            case "absent value":
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.Equal, Guid.NewGuid());
                break;
            case "owner B with link":
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.Equal, ownerB);
                criteria.AddCondition("pcrm_flag", ConditionOperator.Equal, true);
                var payments = query.AddLink("pcrm_payment", "pcrm_billid", "pcrm_bill", JoinOperator.LeftOuter);
                payments.EntityAlias = "p";
                payments.Columns = new ColumnSet("pcrm_code");
                payments.LinkCriteria.AddCondition("pcrm_paid", ConditionOperator.Equal, "yes");
                break;
            case "primary key with inner link":
                criteria.AddCondition("pcrm_billid", ConditionOperator.Equal, ids[8]);
                var paid = query.AddLink("pcrm_payment", "pcrm_billid", "pcrm_bill", JoinOperator.Inner);
                paid.EntityAlias = "p";
                paid.Columns = new ColumnSet("pcrm_code");
                break;
            case "text in another case":
                criteria.AddCondition("pcrm_key", ConditionOperator.Equal, "Care:K-3");
                break;
            case "text upper case":
                criteria.AddCondition("pcrm_key", ConditionOperator.Equal, "CARE:K-0");
                break;
            case "text in":
                criteria.AddCondition("pcrm_key", ConditionOperator.In, "care:K-1", "CARE:k-2", "no such key");
                break;
            case "text in and status":
                criteria.AddCondition("pcrm_key", ConditionOperator.In, "care:k-4", "moved:k-9");
                criteria.AddCondition("pcrm_status", ConditionOperator.Equal, 3);
                break;
            case "text moved from":
                criteria.AddCondition("pcrm_key", ConditionOperator.Equal, "care:k-0");
                break;
            case "text moved to":
                criteria.AddCondition("pcrm_key", ConditionOperator.Equal, "MOVED:k-9");
                break;
            case "text absent":
                criteria.AddCondition("pcrm_key", ConditionOperator.Equal, "care:k-");
                break;
            case "text on a column holding numbers":
                criteria.AddCondition("pcrm_mixed", ConditionOperator.Equal, "3");
                break;
            case "owner in":
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.In, ownerB, Guid.NewGuid());
                break;
            case "owner in one":
                criteria.AddCondition("pcrm_ownerid", ConditionOperator.In, ownerA);
                criteria.AddCondition("pcrm_status", ConditionOperator.In, 1, 3);
                break;
            case "status in as an int array":
                criteria.AddCondition("pcrm_status", ConditionOperator.In, new[] { 2, 3 });
                break;
            case "in with a null":
                criteria.AddCondition(new ConditionExpression("pcrm_ownerid", ConditionOperator.In, new object[] { ownerB, null! }));
                break;
            case "in with text and id":
                criteria.AddCondition("pcrm_refid", ConditionOperator.In, ownerB, ownerA.ToString().ToUpperInvariant());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown query");
        }

        return query;
    }

    private static string Text(EntityCollection rows) => string.Join(
        "\n",
        rows.Entities.Select(e => e.Id + ":" + string.Join(",", e.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Value(a.Value))))) + "\n" + rows.Entities.Count;

    private static string Value(object? value) => value switch
    {
        AliasedValue a => Value(a.Value),
        EntityReference r => r.Id.ToString(),
        OptionSetValue o => o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
