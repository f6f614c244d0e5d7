using System.Collections.Generic;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

/// <summary>A main-table row with the rows its link-entities joined to it (null: no match in an outer join).</summary>
internal sealed class JoinedRow
{
    private readonly Dictionary<string, StoredRow?>? links;

    public JoinedRow(StoredRow main)
        : this(main, null)
    {
    }

    private JoinedRow(StoredRow main, Dictionary<string, StoredRow?>? links)
    {
        Main = main;
        this.links = links;
    }

    public StoredRow Main { get; }

    public StoredRow? Linked(string alias) => links is not null && links.TryGetValue(alias, out var row) ? row : null;

    public bool HasAlias(string alias) => links is not null && links.ContainsKey(alias);

    public JoinedRow With(string alias, StoredRow? row)
    {
        var copy = links is null ? new Dictionary<string, StoredRow?>() : new Dictionary<string, StoredRow?>(links);
        copy[alias] = row;
        return new JoinedRow(Main, copy);
    }

    /// <summary>A column of the main row (alias null) or of a joined row; null when absent.</summary>
    public object? Get(string? alias, string attribute)
    {
        var row = alias is null ? Main : Linked(alias);
        return row is not null && row.Attributes.TryGetValue(attribute, out var value) ? value : null;
    }
}
