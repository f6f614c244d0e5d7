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
    public static TheoryData<string> Tables() => new(ConfigurationTables.All.Select(t => t.LogicalName));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_ShippedEntityXml_KeyIsAnAlternateKeyAndEveryColumnExists(string logicalName)
    {
        var table = ConfigurationTables.Find(logicalName)!;
        var entity = XDocument.Load(Path.Combine(RepoPaths.Solution, "Entities", logicalName, "Entity.xml"));
        var keys = entity.Descendants("EntityKey").Select(k => k.Descendants("AttributeName").Select(a => a.Value).OrderBy(a => a, StringComparer.Ordinal).ToArray());
        var columns = entity.Descendants("attribute").Select(a => a.Element("LogicalName")?.Value).ToHashSet();
        var entitySet = entity.Descendants("EntitySetName").Single().Value;

        Assert.Contains(keys, k => k.SequenceEqual(table.Key.OrderBy(c => c, StringComparer.Ordinal)));
        Assert.All(table.AllColumns, c => Assert.Contains(c, columns));
        Assert.Equal(entitySet, table.EntitySet);
        foreach (var lookup in table.Lookups)
        {
            Assert.Equal(lookup.Column, lookup.Navigation.ToLowerInvariant());
        }
    }

    [Fact]
    public void LookupTargets_WithAlternateKey_KeyIsShippedAsOne()
    {
        foreach (var target in ConfigurationTables.All.SelectMany(t => t.Lookups).Select(l => l.Target).Distinct().Where(t => t.HasAlternateKey))
        {
            var entity = XDocument.Load(Path.Combine(RepoPaths.Solution, "Entities", target.Table, "Entity.xml"));
            Assert.Contains(entity.Descendants("EntityKey"), k => k.Descendants("AttributeName").Select(a => a.Value).SequenceEqual(new[] { target.KeyColumn }));
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
