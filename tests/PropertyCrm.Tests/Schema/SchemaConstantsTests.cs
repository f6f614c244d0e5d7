using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using PropertyCrm.Schema;

namespace PropertyCrm.Tests.Schema;

/// <summary>
/// Proves that every logical name and option value in the schema constants (Schema/Tables, Schema/OptionSets)
/// exists in the unpacked solution (Solution/), so code, step registrations and the solution cannot drift:
/// tables, columns, relationships (and their lookups), alternate keys (and their columns), global and local
/// choices, and status/status-reason values. Where the solution can grow without code noticing (a new custom
/// lookup, a new status reason, a new option), the reverse is checked too.
/// System tables are only partly in Solution/ (just the columns we add), so their platform columns are checked
/// against the explicit allow-list below instead.
/// </summary>
public sealed class SchemaConstantsTests
{
    private const string TablesNamespace = "PropertyCrm.Schema.Tables";
    private const string OptionSetsNamespace = "PropertyCrm.Schema.OptionSets";

    /// <summary>Platform tables the solution extends, with the platform names code may use without them being in Solution/.</summary>
    private static readonly Dictionary<string, SystemTable> SystemTables = new(StringComparer.Ordinal)
    {
        ["contact"] = new SystemTable(
            EntitySetName: "contacts",
            PrimaryId: "contactid",
            PrimaryName: "fullname",
            Columns: new HashSet<string>(StringComparer.Ordinal)
            {
                "contactid", "fullname", "firstname", "lastname", "birthdate", "mobilephone", "emailaddress1", "statecode", "statuscode", "ownerid",
            }),
    };

    private static readonly Lazy<SolutionFolder> Solution = new(() => new SolutionFolder(FindSolutionFolder()));

    public static IEnumerable<object[]> Tables() => TableTypes().Select(t => new object[] { t.Name });

    public static IEnumerable<object[]> Columns() => Constants("Columns");

    public static IEnumerable<object[]> Relationships() => Constants("Relationships");

    public static IEnumerable<object[]> Keys() => Constants("Keys");

    public static IEnumerable<object[]> OptionSets() => OptionSetTypes().Select(t => new object[] { t.Name });

    public static IEnumerable<object[]> TablesWithRelationships() =>
        TableTypes().Where(t => t.GetNestedType("Relationships") is not null).Select(t => new object[] { t.Name });

    public static IEnumerable<object[]> TablesWithStatusReasons() =>
        TableTypes().Where(t => t.GetNestedType("StatusReasons") is not null || t.GetNestedType("States") is not null).Select(t => new object[] { t.Name });

    [Fact]
    public void TableConstants_EveryTableInSolution_HasAConstantsClass()
    {
        var declared = TableTypes().Select(t => (string)Field(t, "LogicalName")).ToHashSet(StringComparer.Ordinal);

        var missing = Solution.Value.Tables.Keys.Where(name => !declared.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "Tables in Solution/ without a constants class in Schema/Tables: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void TableConstant_Names_ExistInSolution(string tableClass)
    {
        var type = TableType(tableClass);
        var logicalName = (string)Field(type, "LogicalName");
        Assert.True(Solution.Value.Tables.TryGetValue(logicalName, out var entity), $"{tableClass}.LogicalName '{logicalName}' is not a table in Solution/Entities.");

        if (SystemTables.TryGetValue(logicalName, out var system))
        {
            Assert.Equal(system.EntitySetName, Field(type, "EntitySetName"));
            Assert.Equal(system.PrimaryId, Field(type, "PrimaryId"));
            Assert.Equal(system.PrimaryName, Field(type, "PrimaryName"));
            return;
        }

        Assert.Equal(entity!.Element("EntitySetName")?.Value, Field(type, "EntitySetName"));
        var primaryKey = SolutionFolder.Attributes(entity).Single(a => a.Element("Type")?.Value == "primarykey");
        Assert.Equal(SolutionFolder.LogicalName(primaryKey), Field(type, "PrimaryId"));
        var primaryName = SolutionFolder.Attributes(entity).Single(a => (a.Element("DisplayMask")?.Value ?? string.Empty).Split('|').Contains("PrimaryName"));
        Assert.Equal(SolutionFolder.LogicalName(primaryName), Field(type, "PrimaryName"));
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void ColumnConstant_ExistsOnItsTable(string tableClass, string constant)
    {
        var type = TableType(tableClass);
        var table = (string)Field(type, "LogicalName");
        var column = (string)Field(Nested(type, "Columns"), constant);

        var inSolution = Solution.Value.Tables.TryGetValue(table, out var entity)
            && SolutionFolder.Attributes(entity!).Any(a => SolutionFolder.LogicalName(a) == column);
        var allowedSystemColumn = SystemTables.TryGetValue(table, out var system) && system.Columns.Contains(column);

        Assert.True(inSolution || allowedSystemColumn, $"{tableClass}.Columns.{constant} = '{column}' is not a column of {table} in Solution/ (nor an allowed system column).");
    }

    [Theory]
    [MemberData(nameof(Relationships))]
    public void RelationshipConstant_ExistsAndUsesTheSameNamedLookup(string tableClass, string constant)
    {
        var type = TableType(tableClass);
        var table = (string)Field(type, "LogicalName");
        var name = (string)Field(Nested(type, "Relationships"), constant);

        var relationship = Solution.Value.Relationships.SingleOrDefault(r => (string?)r.Attribute("Name") == name);
        Assert.True(relationship is not null, $"{tableClass}.Relationships.{constant} = '{name}' is not in Solution/Other/Relationships.");
        Assert.Equal(table, relationship!.Element("ReferencingEntityName")!.Value.ToLowerInvariant());
        var lookup = (string)Field(Nested(type, "Columns"), constant);
        Assert.Equal(lookup, relationship.Element("ReferencingAttributeName")!.Value.ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void KeyConstant_ExistsOnItsTable(string tableClass, string constant)
    {
        var type = TableType(tableClass);
        var table = (string)Field(type, "LogicalName");
        var key = (string)Field(Nested(type, "Keys"), constant);

        var keys = Solution.Value.Tables[table].Elements("EntityKeys").Elements("EntityKey").Select(k => k.Element("LogicalName")?.Value);

        Assert.Contains(key, keys);
    }

    [Theory]
    [MemberData(nameof(TablesWithRelationships))]
    public void RelationshipConstants_EveryCustomLookupOfTheTable_HasAConstant(string tableClass)
    {
        var type = TableType(tableClass);
        var table = (string)Field(type, "LogicalName");
        var declared = StringConstants(Nested(type, "Relationships")).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

        // Custom relationships only: the platform's own (lk_, owner_, user_, team_, business_unit_) are not ours to name.
        var missing = Solution.Value.Relationships
            .Where(r => r.Element("ReferencingEntityName")?.Value.ToLowerInvariant() == table)
            .Select(r => (string)r.Attribute("Name")!)
            .Where(name => name.StartsWith(Publisher.Prefix + "_", StringComparison.Ordinal) && !declared.Contains(name))
            .ToList();

        Assert.True(missing.Count == 0, $"Relationships of {table} in Solution/ without a constant in {tableClass}.Relationships: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void KeyConstant_ItsColumnsAreColumnConstants(string tableClass, string constant)
    {
        var type = TableType(tableClass);
        var table = (string)Field(type, "LogicalName");
        var key = (string)Field(Nested(type, "Keys"), constant);
        var columns = StringConstants(Nested(type, "Columns")).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

        var keyColumns = Solution.Value.Tables[table].Elements("EntityKeys").Elements("EntityKey")
            .Single(k => k.Element("LogicalName")?.Value == key)
            .Elements("EntityKeyAttributes").Elements("AttributeName").Select(a => a.Value.ToLowerInvariant())
            .ToList();

        Assert.NotEmpty(keyColumns);
        var undeclared = keyColumns.Where(c => !columns.Contains(c)).ToList();
        Assert.True(undeclared.Count == 0, $"{tableClass}.Keys.{constant} uses columns without a constant in {tableClass}.Columns: " + string.Join(", ", undeclared));
    }

    [Theory]
    [MemberData(nameof(TablesWithStatusReasons))]
    public void StatusConstants_MatchTheTablesStatusAndStatusReasonChoices(string tableClass)
    {
        var type = TableType(tableClass);
        var table = (string)Field(type, "LogicalName");
        Assert.True(Solution.Value.Tables.TryGetValue(table, out var entity), $"{table} is not a table in Solution/Entities.");
        var states = SolutionFolder.States(entity!);
        var statuses = SolutionFolder.Statuses(entity!);

        var stateType = type.GetNestedType("States");
        if (stateType is not null)
        {
            var declaredStates = IntConstants(stateType).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
            foreach (var (name, value) in declaredStates)
            {
                Assert.True(states.Contains(value), $"{tableClass}.States.{name} = {value} is not a statecode option of {table}.");
            }

            var missingStates = states.Where(s => !declaredStates.ContainsValue(s)).ToList();
            Assert.True(missingStates.Count == 0, $"statecode options of {table} without a constant in {tableClass}.States: " + string.Join(", ", missingStates));
        }

        var reasonType = type.GetNestedType("StatusReasons");
        if (reasonType is null)
        {
            return;
        }

        var declared = IntConstants(reasonType).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        foreach (var (name, value) in declared)
        {
            Assert.True(statuses.ContainsKey(value), $"{tableClass}.StatusReasons.{name} = {value} is not a statuscode option of {table}.");

            // 1 and 2 are the platform's default reasons (relabelled); every added reason carries the publisher's option-value prefix.
            Assert.True(
                value is 1 or 2 || value / 10_000 == Publisher.OptionValuePrefix,
                $"{tableClass}.StatusReasons.{name} = {value} is outside the publisher's option-value range.");
        }

        var missing = statuses.Keys.Where(v => !declared.ContainsValue(v)).ToList();
        Assert.True(missing.Count == 0, $"statuscode options of {table} without a constant in {tableClass}.StatusReasons: " + string.Join(", ", missing));

        var orphans = statuses.Where(s => !states.Contains(s.Value)).Select(s => $"{s.Key} (state {s.Value})").ToList();
        Assert.True(orphans.Count == 0, $"statuscode options of {table} whose state is not a statecode option: " + string.Join(", ", orphans));
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void OptionSetConstants_NameAndEveryValue_ExistInSolution(string optionSetClass)
    {
        var type = OptionSetType(optionSetClass);
        var name = (string)Field(type, "Name");
        Assert.True(
            Solution.Value.OptionSets.TryGetValue(name, out var optionSet),
            $"{optionSetClass}.Name '{name}' is neither a global choice in Solution/OptionSets nor a local choice of a column.");

        var values = SolutionFolder.OptionValues(optionSet!);
        foreach (var field in IntConstants(type))
        {
            var value = (int)field.GetRawConstantValue()!;
            Assert.True(values.Contains(value), $"{optionSetClass}.{field.Name} = {value} is not an option of '{name}'.");
        }
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void OptionSetConstants_EveryOptionInSolution_HasAConstant(string optionSetClass)
    {
        var type = OptionSetType(optionSetClass);
        var optionSet = Solution.Value.OptionSets[(string)Field(type, "Name")];
        var declared = IntConstants(type).Select(f => (int)f.GetRawConstantValue()!).ToHashSet();

        var missing = SolutionFolder.OptionValues(optionSet).Where(v => !declared.Contains(v)).ToList();

        Assert.True(missing.Count == 0, $"Options of '{optionSetClass}' in Solution/ without a constant: " + string.Join(", ", missing));
    }

    [Fact]
    public void OptionSetConstants_EveryValue_UsesThePublisherPrefix()
    {
        var offenders = OptionSetTypes()
            .SelectMany(t => IntConstants(t).Select(f => (Name: t.Name + "." + f.Name, Value: (int)f.GetRawConstantValue()!)))
            .Where(c => c.Value / 10_000 != Publisher.OptionValuePrefix)
            .Select(c => $"{c.Name} = {c.Value}")
            .ToList();

        Assert.True(offenders.Count == 0, "Option values outside the publisher's range: " + string.Join(", ", offenders));
    }

    private static IEnumerable<object[]> Constants(string nestedClass) =>
        TableTypes()
            .Where(t => t.GetNestedType(nestedClass) is not null)
            .SelectMany(t => StringConstants(t.GetNestedType(nestedClass)!).Select(f => new object[] { t.Name, f.Name }));

    private static Assembly SchemaAssembly => typeof(Publisher).Assembly;

    private static IEnumerable<Type> TableTypes() =>
        SchemaAssembly.GetTypes().Where(t => t.Namespace == TablesNamespace && !t.IsNested && t.IsAbstract && t.IsSealed && t.GetField("LogicalName") is not null);

    private static IEnumerable<Type> OptionSetTypes() =>
        SchemaAssembly.GetTypes().Where(t => t.Namespace == OptionSetsNamespace && !t.IsNested && t.IsAbstract && t.IsSealed && t.GetField("Name") is not null);

    private static Type TableType(string name) => TableTypes().Single(t => t.Name == name);

    private static Type OptionSetType(string name) => OptionSetTypes().Single(t => t.Name == name);

    private static Type Nested(Type type, string name) => type.GetNestedType(name) ?? throw new InvalidOperationException($"{type.Name} has no nested class {name}.");

    private static object Field(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() ?? throw new InvalidOperationException($"{type.Name} has no constant {name}.");

    private static IEnumerable<FieldInfo> StringConstants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string));

    private static IEnumerable<FieldInfo> IntConstants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(int));

    private static string FindSolutionFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PropertyCrm.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("No folder containing PropertyCrm.sln above " + AppContext.BaseDirectory);
        }

        return Path.Combine(dir.FullName, "Solution");
    }

    private sealed record SystemTable(string EntitySetName, string PrimaryId, string PrimaryName, HashSet<string> Columns);

    /// <summary>The parts of the unpacked solution the constants refer to.</summary>
    private sealed class SolutionFolder
    {
        public SolutionFolder(string root)
        {
            Tables = Directory.GetFiles(Path.Combine(root, "Entities"), "Entity.xml", SearchOption.AllDirectories)
                .Select(f => XDocument.Load(f).Root!.Element("EntityInfo")!.Element("entity")!)
                .ToDictionary(e => ((string)e.Attribute("Name")!).ToLowerInvariant(), StringComparer.Ordinal);

            Relationships = Directory.GetFiles(Path.Combine(root, "Other", "Relationships"), "*.xml")
                .SelectMany(f => XDocument.Load(f).Root!.Elements("EntityRelationship"))
                .ToList();

            var global = Directory.GetFiles(Path.Combine(root, "OptionSets"), "*.xml").Select(f => XDocument.Load(f).Root!);
            var local = Tables.Values.SelectMany(Attributes).Elements("optionset").Where(o => o.Element("OptionSetType")?.Value == "picklist");
            OptionSets = global.Concat(local).ToDictionary(o => (string)o.Attribute("Name")!, StringComparer.Ordinal);
        }

        public Dictionary<string, XElement> Tables { get; }

        public List<XElement> Relationships { get; }

        public Dictionary<string, XElement> OptionSets { get; }

        public static IEnumerable<XElement> Attributes(XElement entity) => entity.Elements("attributes").Elements("attribute");

        public static string LogicalName(XElement attribute) => attribute.Element("LogicalName")!.Value;

        public static HashSet<int> OptionValues(XElement optionSet) =>
            optionSet.Elements("options").Elements("option").Select(o => (int)o.Attribute("value")!).ToHashSet();

        /// <summary>statecode option values of a table.</summary>
        public static HashSet<int> States(XElement entity) =>
            Attributes(entity).Where(a => LogicalName(a) == "statecode")
                .Elements("optionset").Elements("states").Elements("state")
                .Select(s => (int)s.Attribute("value")!).ToHashSet();

        /// <summary>statuscode option values of a table, each with the state it belongs to.</summary>
        public static Dictionary<int, int> Statuses(XElement entity) =>
            Attributes(entity).Where(a => LogicalName(a) == "statuscode")
                .Elements("optionset").Elements("statuses").Elements("status")
                .ToDictionary(s => (int)s.Attribute("value")!, s => (int)s.Attribute("state")!);
    }
}
