using System;
using System.Collections.Generic;
using System.Globalization;
using PropertyCrm.Harness.Query;

namespace PropertyCrm.Harness.Storage;

/// <summary>
/// Table × column → value → ids of rows that hold or have held that value: lookups (by id), unique identifiers and
/// whole numbers (choices, integers), in <see cref="ValueComparer.Normalize"/> form. A superset by design:
/// a row is added whenever a value is written to it (insert, update, a rollback's restore) and never removed, so
/// every version of a row any reader can see — its current one, or the committed image another transaction's
/// journal keeps — is found under each of its values. The query evaluator therefore still reads the candidates'
/// visible versions and applies the whole filter to them: the index only spares the rows that cannot match, as a
/// SQL Server index seek does. Only touched under the store's gate.
/// </summary>
internal sealed class EqualityIndex
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<object, HashSet<Guid>>>> tables = new(StringComparer.Ordinal);

    /// <summary>
    /// The key a condition value seeks with: a unique identifier (a lookup's id, a primary key) or a whole number (a
    /// choice, an integer); null for every other value (text, dates, fractions, booleans), which the evaluator scans for.
    /// </summary>
    public static object? SeekKeyOf(object? value) => value is string ? null : ValueComparer.Normalize(value) switch
    {
        Guid g => g,
        decimal d when d == decimal.Truncate(d) => d,
        _ => null,
    };

    /// <summary>
    /// The key a stored value is found under: every stored value a seek key compares equal to (as
    /// <see cref="ValueComparer"/> compares) gets that key — a boolean as 0/1, a whole double as its decimal, text
    /// that parses as a unique identifier or a whole number as that.
    /// </summary>
    public static object? KeyOf(object? value) => ValueComparer.Normalize(value) switch
    {
        Guid g => g,
        decimal d when d == decimal.Truncate(d) => d,
        bool b => b ? 1m : 0m,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (decimal)d,
        string s when Guid.TryParse(s, out var g) => g,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) => d,
        _ => null,
    };

    public void Add(StoredRow row)
    {
        if (!tables.TryGetValue(row.LogicalName, out var columns))
        {
            tables[row.LogicalName] = columns = new Dictionary<string, Dictionary<object, HashSet<Guid>>>(StringComparer.Ordinal);
        }

        foreach (var attribute in row.Attributes)
        {
            if (KeyOf(attribute.Value) is not { } key)
            {
                continue;
            }

            if (!columns.TryGetValue(attribute.Key, out var values))
            {
                columns[attribute.Key] = values = new Dictionary<object, HashSet<Guid>>();
            }

            if (!values.TryGetValue(key, out var ids))
            {
                values[key] = ids = new HashSet<Guid>();
            }

            ids.Add(row.Id);
        }
    }

    /// <summary>Ids of the rows that ever held the key in the column (possibly none).</summary>
    public IReadOnlyCollection<Guid> Lookup(string logicalName, string column, object key) =>
        tables.TryGetValue(logicalName, out var columns) && columns.TryGetValue(column, out var values) && values.TryGetValue(key, out var ids)
            ? ids
            : Array.Empty<Guid>();
}
