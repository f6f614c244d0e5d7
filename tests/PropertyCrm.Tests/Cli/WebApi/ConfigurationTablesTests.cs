using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.ConfigurationData;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>The data-driven table list of `pcrm data` agrees with the shipped solution: keys are alternate keys, columns exist.</summary>
public sealed class ConfigurationTablesTests
{
    public static TheoryData<string> Tables() => new(ConfigurationTables.Known.Select(t => t.LogicalName));

    public static TheoryData<string> Configuration() => new(ConfigurationTables.All.Select(t => t.LogicalName));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_ShippedEntityXml_KeyIsAnAlternateKeyAndEveryColumnExists(string logicalName)
    {
        var table = ConfigurationTables.Find(logicalName)!;
        var entity = XDocument.Load(Path.Combine(RepoPaths.Solution, "Entities", logicalName == "contact" ? "Contact" : logicalName, "Entity.xml"));
        var keys = entity.Descendants("EntityKey").Select(k => k.Descendants("AttributeName").Select(a => a.Value).OrderBy(a => a, StringComparer.Ordinal).ToArray());
        var columns = entity.Descendants("attribute").Select(a => a.Element("LogicalName")?.Value).ToHashSet();
        var entitySet = entity.Descendants("EntitySetName").SingleOrDefault()?.Value ?? "contacts";

        Assert.Contains(keys, k => k.SequenceEqual(table.Key.OrderBy(c => c, StringComparer.Ordinal)));
        Assert.All(table.AllColumns.Where(c => c.StartsWith("pcrm_", StringComparison.Ordinal)), c => Assert.Contains(c, columns));
        Assert.Equal(entitySet, table.EntitySet);
        foreach (var lookup in table.Lookups)
        {
            Assert.Equal(lookup.Column, lookup.Navigation.ToLowerInvariant());
        }
    }

    [Theory]
    [MemberData(nameof(Configuration))]
    public void Table_EveryCustomColumnOfTheShippedTable_IsMovedOrNamedAsNotConfiguration(string logicalName)
    {
        var table = ConfigurationTables.Find(logicalName)!;
        var entity = XDocument.Load(Path.Combine(RepoPaths.Solution, "Entities", logicalName, "Entity.xml"));
        var custom = entity.Descendants("attribute")
            .Select(a => a.Element("LogicalName")?.Value)
            .OfType<string>()
            .Where(c => c.StartsWith("pcrm_", StringComparison.Ordinal) && !c.EndsWith("_base", StringComparison.Ordinal) && c != logicalName + "id");

        Assert.All(custom, c => Assert.True(
            table.AllColumns.Contains(c) || ConfigurationTables.NotConfiguration.Contains(logicalName + "." + c),
            $"{logicalName}.{c} is neither moved by pcrm data (ConfigurationTables) nor named in ConfigurationTables.NotConfiguration."));
    }

    [Fact]
    public void KpiTarget_KeyHoldsTheProjectLookup_AddressedByLookupPropertyAndGuid()
    {
        var table = ConfigurationTables.Find(PropertyCrm.Schema.Tables.KpiTargetTable.LogicalName)!;
        var property = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var row = new System.Text.Json.Nodes.JsonObject { ["pcrm_propertyid"] = new System.Text.Json.Nodes.JsonObject { ["pcrm_name"] = "锦绣花园" }, ["pcrm_kpi"] = 548210009 };
        var resolved = new System.Collections.Generic.Dictionary<LookupTarget, System.Collections.Generic.Dictionary<string, Guid>>
        {
            [ConfigurationTables.Property] = new(StringComparer.Ordinal) { ["锦绣花园"] = property },
        };

        Assert.Equal("pcrm_kpitargets(_pcrm_propertyid_value=6f9619ff-8b86-d011-b42d-00cf4fc964ff,pcrm_kpi=548210009)", ConfigPush.Address(table, row, resolved));
        Assert.Equal(new[] { "pcrm_propertyid", "pcrm_kpi", "pcrm_name", "pcrm_target", "statecode", "statuscode" }, table.AllColumns);
    }

    [Fact]
    public void LookupTargets_WithAlternateKey_KeyIsShippedAsOne()
    {
        foreach (var target in ConfigurationTables.Known.SelectMany(t => t.Lookups).Select(l => l.Target).Distinct().Where(t => t.HasAlternateKey))
        {
            var entity = XDocument.Load(Path.Combine(RepoPaths.Solution, "Entities", target.Table == "contact" ? "Contact" : target.Table, "Entity.xml"));
            var key = target.Keyed?.Key ?? new[] { target.KeyColumn };
            Assert.Contains(entity.Descendants("EntityKey"), k => k.Descendants("AttributeName").Select(a => a.Value).SequenceEqual(key));
        }
    }

    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(1001, new[] { 1000, 1 })]
    [InlineData(2500, new[] { 1000, 1000, 500 })]
    public void Batches_Operations_AtMostOneThousandPerChangeSetInOrder(int count, int[] sizes)
    {
        var operations = Enumerable.Range(0, count)
            .Select(i => new PropertyCrm.Cli.WebApi.BatchOperation($"pcrm_rewards(pcrm_code='R{i}')", new System.Text.Json.Nodes.JsonObject(), PropertyCrm.Cli.WebApi.UpsertMode.CreateOnly))
            .ToList();

        var batches = ConfigPush.Batches(operations);

        Assert.Equal(sizes, batches.Select(b => b.Length));
        Assert.Equal(operations, batches.SelectMany(b => b));
    }
}
