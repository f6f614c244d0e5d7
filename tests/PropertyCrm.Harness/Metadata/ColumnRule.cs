using System;
using System.Collections.Generic;

namespace PropertyCrm.Harness.Metadata;

/// <summary>The kinds of column the shipped Entity.xml files use (&lt;Type&gt;), as the harness checks them.</summary>
internal enum ColumnKind
{
    Other,
    String,
    Memo,
    WholeNumber,
    Decimal,
    Money,
    Choice,
    YesNo,
    State,
    Status,
    Lookup,
    Owner,
    Customer,
    DateTime,
    PrimaryKey,
}

/// <summary>
/// What Dataverse enforces on one column at the SDK (not form rules such as business-required), read from its
/// &lt;attribute&gt; in Entity.xml: length, range, precision, allowed choice values, lookup targets, date-only.
/// </summary>
internal sealed class ColumnRule
{
    public ColumnRule(string table, string name, ColumnKind kind)
    {
        Table = table;
        Name = name;
        Kind = kind;
    }

    public string Table { get; }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>String/memo MaxLength (characters).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Whole number, decimal and money MinValue/MaxValue.</summary>
    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    /// <summary>Decimal/money Accuracy: Dataverse stores the value rounded to this many places.</summary>
    public int? Precision { get; init; }

    /// <summary>Choice, yes/no, state and status values the column has; null when the solution does not list them.</summary>
    public IReadOnlySet<int>? Options { get; init; }

    /// <summary>Status columns: the state each status value belongs to. State columns: each state's default status.</summary>
    public IReadOnlyDictionary<int, int>? StatePairs { get; init; }

    /// <summary>Lookup targets (lower-case table names); null when the solution names none (then any table is accepted).</summary>
    public IReadOnlySet<string>? Targets { get; init; }

    /// <summary>Date-time Behavior 2 (DateOnly): Dataverse keeps the date at 12:00 AM with no time zone.</summary>
    public bool DateOnly { get; init; }
}

/// <summary>An alternate key (EntityKey): its schema name and the columns whose values must be unique together.</summary>
internal sealed record KeyRule(string Name, IReadOnlyList<string> Columns)
{
    public bool Matches(IEnumerable<string> columns) =>
        new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase).SetEquals(Columns);
}
