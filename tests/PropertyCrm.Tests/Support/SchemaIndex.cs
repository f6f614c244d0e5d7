using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PropertyCrm.Schema;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// The tables and columns the schema constants declare: every static class under PropertyCrm.Schema with
/// a LogicalName constant, and the constants of its nested Columns class.
/// </summary>
public sealed class SchemaIndex
{
    private SchemaIndex(IReadOnlyDictionary<string, IReadOnlySet<string>> columnsByTable)
    {
        ColumnsByTable = columnsByTable;
    }

    public static SchemaIndex FromConstants { get; } = Build();

    public IReadOnlyDictionary<string, IReadOnlySet<string>> ColumnsByTable { get; }

    public bool HasTable(string table) => ColumnsByTable.ContainsKey(table);

    public bool HasColumn(string table, string column) =>
        ColumnsByTable.TryGetValue(table, out var columns) && columns.Contains(column);

    private static SchemaIndex Build()
    {
        var tables = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var type in typeof(Publisher).Assembly.GetTypes().Where(t => t.IsClass && t.IsAbstract && t.IsSealed && !t.IsNested))
        {
            var logicalName = Constant(type, "LogicalName");
            var columnsType = type.GetNestedType("Columns");
            if (logicalName is null || columnsType is null)
            {
                continue;
            }

            tables.Add(logicalName, columnsType.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToHashSet(StringComparer.Ordinal));
        }

        return new SchemaIndex(tables);
    }

    private static string? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;
}
