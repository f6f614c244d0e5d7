using System;
using System.Data.SqlTypes;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// Compares column values as Dataverse's SQL does: Money, OptionSetValue and EntityReference by their
/// underlying value; numbers across numeric types; strings case-insensitively; Guids in SQL Server's
/// uniqueidentifier order. A string compared with a typed value (FetchXML conditions, paging cookies) is
/// parsed as that type.
/// </summary>
internal static class ValueComparer
{
    /// <summary>The comparable form of a column value: null, string, decimal, double, bool, Guid or DateTime.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s,
        EntityReference r => r.Id,
        OptionSetValue o => (decimal)o.Value,
        Money m => m.Value,
        AliasedValue a => Normalize(a.Value),
        bool b => b,
        Guid g => g,
        DateTime d => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d,
        int i => (decimal)i,
        long l => (decimal)l,
        short s16 => (decimal)s16,
        decimal m => m,
        double d => d,
        float f => (double)f,
        Enum e => Convert.ToDecimal(e, CultureInfo.InvariantCulture),
        _ => value,
    };

    public static bool AreEqual(object? left, object? right)
    {
        var a = Normalize(left);
        var b = Normalize(right);
        if (a is null || b is null)
        {
            return false;
        }

        return Compare(a, b) == 0;
    }

    /// <summary>
    /// Orders two normalized values; nulls first (as SQL Server sorts them). Throws a query fault when the
    /// values cannot be compared (a condition value of the wrong type).
    /// </summary>
    public static int Compare(object? left, object? right) => CompareNormalized(Normalize(left), Normalize(right));

    /// <summary><see cref="Compare"/> for values already passed through <see cref="Normalize"/> (sort keys).</summary>
    public static int CompareNormalized(object? a, object? b)
    {
        var left = a;
        var right = b;
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        if (a is string sa && b is not string)
        {
            a = Parse(sa, b);
        }
        else if (b is string sb && a is not string)
        {
            b = Parse(sb, a);
        }

        return (a, b) switch
        {
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (decimal x, decimal y) => x.CompareTo(y),
            (double x, double y) => x.CompareTo(y),
            (decimal x, double y) => ((double)x).CompareTo(y),
            (double x, decimal y) => x.CompareTo((double)y),
            (bool x, bool y) => x.CompareTo(y),
            (bool x, decimal y) => (x ? 1m : 0m).CompareTo(y),
            (decimal x, bool y) => x.CompareTo(y ? 1m : 0m),
            (Guid x, Guid y) => new SqlGuid(x).CompareTo(new SqlGuid(y)),
            (DateTime x, DateTime y) => x.CompareTo(y),
            _ => throw DataverseFaultException.Create(
                DataverseErrorCodes.QueryBuilderInvalidValue,
                $"Cannot compare a value of type {left?.GetType().Name} with a value of type {right?.GetType().Name}."),
        };
    }

    /// <summary>Reads a string (FetchXML value, cookie value) as the type of the value it is compared with.</summary>
    public static object Parse(string text, object like)
    {
        try
        {
            return like switch
            {
                decimal => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                bool => text is "1" || (text is not "0" && bool.Parse(text)),
                Guid => Guid.Parse(text),
                DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                _ => text,
            };
        }
        catch (FormatException ex)
        {
            throw DataverseFaultException.Create(
                DataverseErrorCodes.QueryBuilderInvalidValue,
                $"'{text}' is not a valid value for a column of type {like.GetType().Name}.",
                ex);
        }
    }

    /// <summary>A value as the invariant text FetchXML and paging cookies carry.</summary>
    public static string ToText(object? value) => Normalize(value) switch
    {
        null => string.Empty,
        Guid g => g.ToString("B").ToUpperInvariant(),
        DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };
}
