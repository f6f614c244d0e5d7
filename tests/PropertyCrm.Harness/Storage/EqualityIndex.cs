using System;
using System.Collections.Generic;
using System.Globalization;
using PropertyCrm.Harness.Query;

namespace PropertyCrm.Harness.Storage;

/// <summary>
/// Table × column → value → ids of rows that hold or have held that value: lookups (by id), unique identifiers and
/// whole numbers (choices, integers), in <see cref="ValueComparer.Normalize"/> form, and — for the columns a query
/// has sought by text — text, under a case-insensitive key (<see cref="TextKey"/>). A superset by design:
/// a row is added whenever a value is written to it (insert, update, a rollback's restore) and never removed, so
/// every version of a row any reader can see — its current one, or the committed image another transaction's
/// journal keeps — is found under each of its values. The query evaluator therefore still reads the candidates'
/// visible versions and applies the whole filter to them: the index only spares the rows that cannot match, as a
/// SQL Server index seek does. Only touched under the store's gate.
/// </summary>
internal sealed class EqualityIndex
{
    private readonly Dictionary<string, Dictionary<string, Column>> tables = new(StringComparer.Ordinal);

    /// <summary>
    /// The key a condition value seeks with: a unique identifier (a lookup's id, a primary key) or a whole number (a
    /// choice, an integer); null for every other value (text, dates, fractions, booleans), which the evaluator scans for
    /// (text: see <see cref="TextKey"/>).
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

    /// <summary>
    /// The key a condition or alternate-key value seeks with: <see cref="SeekKeyOf"/>, or a <see cref="TextKey"/> for text
    /// (which finds rows only on a column that holds nothing but text); null when the value cannot seek.
    /// </summary>
    public static object? QueryKeyOf(object? value) => SeekKeyOf(value) ?? (value is string text ? new TextKey(text) : null);

    /// <summary>Whether the column's text index exists (see <see cref="IndexText"/>).</summary>
    public bool HasText(string logicalName, string column) =>
        tables.TryGetValue(logicalName, out var columns) && columns.TryGetValue(column, out var index) && index.Text is not null;

    /// <summary>
    /// Starts the column's text index from every version of its rows a reader can see now — each stored row's
    /// values and the committed image its lock owner's journal keeps — after which <see cref="Add"/> keeps it, as for
    /// every other key. Built on a column's first text seek only: most text (names, descriptions) is never sought.
    /// </summary>
    public void IndexText(string logicalName, string column, IEnumerable<(Guid Id, IReadOnlyDictionary<string, object> Values)> versions)
    {
        var index = ColumnOf(logicalName, column);
        if (index.Text is not null)
        {
            return;
        }

        index.Text = new Dictionary<string, HashSet<Guid>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, values) in versions)
        {
            if (values.TryGetValue(column, out var value))
            {
                AddText(index, id, value);
            }
        }
    }

    public void Add(StoredRow row)
    {
        if (!tables.TryGetValue(row.LogicalName, out var columns))
        {
            tables[row.LogicalName] = columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        }

        foreach (var attribute in row.Attributes)
        {
            columns.TryGetValue(attribute.Key, out var index);
            if (index?.Text is not null)
            {
                AddText(index, row.Id, attribute.Value);
            }

            if (KeyOf(attribute.Value) is not { } key)
            {
                continue;
            }

            if (index is null)
            {
                columns[attribute.Key] = index = new Column();
            }

            Add(index.Values, key, row.Id);
        }
    }

    /// <summary>
    /// Ids of the rows that ever held the key in the column (possibly none); null when the index cannot tell: a
    /// <see cref="TextKey"/> on a column without a text index, or on one that has held a value other than text
    /// (which a text condition compares after parsing the text as that value's type, not as text).
    /// </summary>
    public IReadOnlyCollection<Guid>? Lookup(string logicalName, string column, object key)
    {
        var index = tables.TryGetValue(logicalName, out var columns) && columns.TryGetValue(column, out var found) ? found : null;
        if (key is TextKey text)
        {
            return index?.Text is null || index.HeldOtherThanText ? null
                : index.Text.TryGetValue(text.Value, out var byText) ? byText : Array.Empty<Guid>();
        }

        return index is not null && index.Values.TryGetValue(key, out var ids) ? ids : Array.Empty<Guid>();
    }

    private static void AddText(Column index, Guid id, object? value)
    {
        switch (ValueComparer.Normalize(value))
        {
            case null:
                break;
            case string s:
                Add(index.Text!, s, id);
                break;
            default:
                index.HeldOtherThanText = true;
                break;
        }
    }

    private static void Add<TKey>(Dictionary<TKey, HashSet<Guid>> values, TKey key, Guid id)
        where TKey : notnull
    {
        if (!values.TryGetValue(key, out var ids))
        {
            values[key] = ids = new HashSet<Guid>();
        }

        ids.Add(id);
    }

    private Column ColumnOf(string logicalName, string column)
    {
        if (!tables.TryGetValue(logicalName, out var columns))
        {
            tables[logicalName] = columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        }

        if (!columns.TryGetValue(column, out var index))
        {
            columns[column] = index = new Column();
        }

        return index;
    }

    private sealed class Column
    {
        /// <summary>Unique identifiers and whole numbers (<see cref="KeyOf"/>).</summary>
        public Dictionary<object, HashSet<Guid>> Values { get; } = new();

        /// <summary>
        /// Text values under <see cref="StringComparer.OrdinalIgnoreCase"/> — the comparer that says two strings are
        /// equal exactly when <see cref="ValueComparer"/> does (OrdinalIgnoreCase; it trims nothing); null until the
        /// column's first text seek.
        /// </summary>
        public Dictionary<string, HashSet<Guid>>? Text { get; set; }

        /// <summary>Whether, since its text index began, the column has held a non-null value other than text.</summary>
        public bool HeldOtherThanText { get; set; }
    }
}

/// <summary>
/// A text condition value as a seek key. It finds the stored text the evaluator compares equal to it
/// (<see cref="StringComparison.OrdinalIgnoreCase"/>), so it seeks only columns that hold nothing but text.
/// </summary>
internal sealed record TextKey(string Value);
