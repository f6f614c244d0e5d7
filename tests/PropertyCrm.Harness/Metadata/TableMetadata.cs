using System;

namespace PropertyCrm.Harness.Metadata;

/// <summary>Who owns a table's rows, which decides whether create fills ownerid.</summary>
public enum TableOwnership
{
    UserOwned,
    OrganizationOwned,
    None,
}

/// <summary>
/// The little the harness needs to know about a table. Unregistered tables get the defaults: primary key
/// "{logicalname}id", user-owned, with statecode/statuscode. Register only the exceptions, such as activity
/// tables whose key is "activityid".
/// </summary>
public sealed class TableMetadata
{
    public TableMetadata(string logicalName, string? primaryIdAttribute = null)
    {
        if (string.IsNullOrWhiteSpace(logicalName))
        {
            throw new ArgumentException("A table needs a logical name.", nameof(logicalName));
        }

        LogicalName = logicalName;
        PrimaryIdAttribute = string.IsNullOrWhiteSpace(primaryIdAttribute) ? logicalName + "id" : primaryIdAttribute!;
        PrimaryNameAttribute = DefaultPrimaryName(logicalName);
    }

    public string LogicalName { get; }

    public string PrimaryIdAttribute { get; }

    public TableOwnership Ownership { get; init; } = TableOwnership.UserOwned;

    /// <summary>False for tables without statecode/statuscode (intersect tables, systemuser in the harness).</summary>
    public bool HasState { get; init; } = true;

    /// <summary>Intersect tables of N:N relationships: no system columns at all.</summary>
    public bool IsIntersect { get; init; }

    /// <summary>
    /// The column lookups to this table show as EntityReference.Name: "{prefix}_name" for custom tables,
    /// fullname for people, name otherwise, unless registered.
    /// </summary>
    public string PrimaryNameAttribute { get; init; }

    private static string DefaultPrimaryName(string logicalName)
    {
        var underscore = logicalName.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0)
        {
            return logicalName.Substring(0, underscore) + "_name";
        }

        return logicalName is "contact" or "systemuser" or "lead" ? "fullname" : "name";
    }
}
