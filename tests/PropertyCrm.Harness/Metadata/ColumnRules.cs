using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging.Checks;

namespace PropertyCrm.Harness.Metadata;

/// <summary>
/// One table's column and key rules as the shipped Solution/ defines them. <see cref="IsComplete"/> is false for
/// platform tables the solution only extends (contact): their export lists just the solution's own columns, so
/// only columns with the solution's prefix can be known to be missing.
/// </summary>
internal sealed class TableRules
{
    public TableRules(string logicalName, bool isComplete, IReadOnlyDictionary<string, ColumnRule> columns, IReadOnlyList<KeyRule> keys)
    {
        LogicalName = logicalName;
        IsComplete = isComplete;
        Columns = columns;
        Keys = keys;
    }

    public string LogicalName { get; }

    public bool IsComplete { get; }

    public IReadOnlyDictionary<string, ColumnRule> Columns { get; }

    public IReadOnlyList<KeyRule> Keys { get; }

    /// <summary>Whether Dataverse would say "'table' entity doesn't contain attribute with Name = 'column'".</summary>
    public bool IsUnknown(string column) =>
        !Columns.ContainsKey(column)
        && (IsComplete || column.StartsWith(ColumnRules.Prefix, StringComparison.Ordinal));
}

/// <summary>
/// Column metadata and alternate keys of every table the shipped solution defines, built once from
/// <see cref="ShippedSolution.Index"/> (Entity.xml attributes and EntityKeys, 1:N relationships for lookup targets,
/// global option sets) — never from a hand-kept list.
/// </summary>
internal static class ColumnRules
{
    /// <summary>The publisher's customization prefix: columns with it on an extended platform table must be defined.</summary>
    public const string Prefix = "pcrm_";

    private static readonly Lazy<IReadOnlyDictionary<string, TableRules>> Loaded = new(() => Build(ShippedSolution.Index));

    /// <summary>The rules of a table the solution defines or extends, or null (platform tables stay lenient).</summary>
    public static TableRules? For(string logicalName) =>
        Loaded.Value.TryGetValue(logicalName, out var rules) ? rules : null;

    internal static IReadOnlyDictionary<string, TableRules> Build(SolutionIndex index)
    {
        var targets = LookupTargets(index);
        var result = new Dictionary<string, TableRules>(StringComparer.Ordinal);
        foreach (var entity in index.Entities)
        {
            var table = SolutionIndex.LogicalNameOf(entity);
            var columns = new Dictionary<string, ColumnRule>(StringComparer.Ordinal);
            foreach (var attribute in SolutionIndex.Columns(entity))
            {
                var rule = Column(index, table, attribute, targets);
                columns[rule.Name] = rule;
            }

            var keys = SolutionIndex.EntityKeys(entity)
                .Select(k => new KeyRule((string?)k.Element("Name") ?? (string?)k.Element("LogicalName") ?? "key", SolutionIndex.KeyColumns(k)))
                .ToArray();
            var isComplete = !SystemTables.IsSystemTable(table);
            result[table] = new TableRules(table, isComplete, columns, keys);
        }

        // Platform tables code writes without the solution shipping them: their rules come from the table reference.
        result.TryAdd("task", PlatformTableRules.Task());
        return result;
    }

    private static ColumnRule Column(SolutionIndex index, string table, XElement attribute, IReadOnlyDictionary<(string, string), HashSet<string>> targets)
    {
        var name = SolutionIndex.ColumnName(attribute);
        var type = ((string?)attribute.Element("Type") ?? string.Empty).Trim().ToLowerInvariant();
        var kind = type switch
        {
            "nvarchar" => ColumnKind.String,
            "ntext" => ColumnKind.Memo,
            "int" => ColumnKind.WholeNumber,
            "decimal" => ColumnKind.Decimal,
            "money" => ColumnKind.Money,
            "picklist" => ColumnKind.Choice,
            "bit" => ColumnKind.YesNo,
            "state" => ColumnKind.State,
            "status" => ColumnKind.Status,
            "lookup" => ColumnKind.Lookup,
            "owner" => ColumnKind.Owner,
            "customer" => ColumnKind.Customer,
            "datetime" => ColumnKind.DateTime,
            "primarykey" => ColumnKind.PrimaryKey,
            _ => ColumnKind.Other,
        };

        var local = attribute.Element("optionset");
        IReadOnlySet<int>? options = kind switch
        {
            ColumnKind.Choice => (string?)attribute.Element("OptionSetName") is { Length: > 0 } global && index.GlobalOptionValues(global) is { } values
                ? values
                : local is null ? null : SolutionIndex.OptionValues(local),
            ColumnKind.State or ColumnKind.Status => local is null ? null : SolutionIndex.OptionValues(local),
            _ => null,
        };

        IReadOnlyDictionary<int, int>? pairs = kind switch
        {
            ColumnKind.State when local is not null => local.Elements("states").Elements("state")
                .Where(s => (int?)s.Attribute("defaultstatus") is not null)
                .ToDictionary(s => (int)s.Attribute("value")!, s => (int)s.Attribute("defaultstatus")!),
            ColumnKind.Status when local is not null => local.Elements("statuses").Elements("status")
                .ToDictionary(s => (int)s.Attribute("value")!, s => (int)s.Attribute("state")!),
            _ => null,
        };

        IReadOnlySet<string>? lookupTargets = kind switch
        {
            // Owner columns take a user or a team (Learn: "Owner" column type), whatever relationships the export lists.
            ColumnKind.Owner => new HashSet<string>(StringComparer.Ordinal) { "systemuser", "team" },
            ColumnKind.Lookup or ColumnKind.Customer => targets.TryGetValue((table, name), out var t) ? t : null,
            _ => null,
        };

        return new ColumnRule(table, name, kind)
        {
            MaxLength = kind is ColumnKind.String or ColumnKind.Memo ? Int(attribute, "MaxLength") : null,
            MinValue = Number(attribute, "MinValue"),
            MaxValue = Number(attribute, "MaxValue"),
            Precision = kind is ColumnKind.Decimal or ColumnKind.Money ? Int(attribute, "Accuracy") ?? Int(attribute, "Precision") : null,
            Options = options,
            StatePairs = pairs,
            Targets = lookupTargets,
            DateOnly = kind == ColumnKind.DateTime && Int(attribute, "Behavior") == 2,
        };
    }

    // A lookup may point only at the tables of the 1:N relationships whose referencing column it is.
    private static IReadOnlyDictionary<(string, string), HashSet<string>> LookupTargets(SolutionIndex index)
    {
        var targets = new Dictionary<(string, string), HashSet<string>>();
        foreach (var relationship in index.Relationships)
        {
            if (!string.Equals((string?)relationship.Element("EntityRelationshipType"), "OneToMany", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var referencing = ((string?)relationship.Element("ReferencingEntityName"))?.Trim().ToLowerInvariant();
            var column = ((string?)relationship.Element("ReferencingAttributeName"))?.Trim().ToLowerInvariant();
            var referenced = ((string?)relationship.Element("ReferencedEntityName"))?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(referencing) || string.IsNullOrEmpty(column) || string.IsNullOrEmpty(referenced))
            {
                continue;
            }

            if (!targets.TryGetValue((referencing, column), out var set))
            {
                targets[(referencing, column)] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(referenced);
        }

        return targets;
    }

    private static int? Int(XElement attribute, string element) =>
        int.TryParse((string?)attribute.Element(element), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static decimal? Number(XElement attribute, string element) =>
        decimal.TryParse((string?)attribute.Element(element), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
