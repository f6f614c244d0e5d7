using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Logic.Privacy;

/// <summary>
/// How a section's rows reach the owner through another table: the section's <see cref="FromColumn"/> equals the linked
/// table's <see cref="ToColumn"/>, and the linked row's <see cref="OwnerColumn"/> is the owner (one query with a link).
/// </summary>
public sealed class OwnerDataLink
{
    public OwnerDataLink(string table, string fromColumn, string toColumn, string ownerColumn)
    {
        Table = Guard.NotNull(table, nameof(table));
        FromColumn = Guard.NotNull(fromColumn, nameof(fromColumn));
        ToColumn = Guard.NotNull(toColumn, nameof(toColumn));
        OwnerColumn = Guard.NotNull(ownerColumn, nameof(ownerColumn));
    }

    public string Table { get; }

    public string FromColumn { get; }

    public string ToColumn { get; }

    public string OwnerColumn { get; }
}
