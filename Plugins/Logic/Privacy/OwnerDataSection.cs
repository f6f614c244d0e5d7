using System;
using System.Linq;
using System.Reflection;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Logic.Privacy;

/// <summary>
/// One table of what PropertyCrm holds about an owner: its rows are those whose <see cref="OwnerColumn"/> is the owner,
/// read with exactly <see cref="Columns"/> (never all columns).
/// </summary>
public sealed class OwnerDataSection
{
    public OwnerDataSection(string logicalName, string primaryId, string ownerColumn, string[] columns)
    {
        LogicalName = Guard.NotNull(logicalName, nameof(logicalName));
        PrimaryId = Guard.NotNull(primaryId, nameof(primaryId));
        OwnerColumn = Guard.NotNull(ownerColumn, nameof(ownerColumn));
        Columns = Guard.NotNull(columns, nameof(columns));
    }

    public string LogicalName { get; }

    public string PrimaryId { get; }

    /// <summary>The lookup (or regarding column) that names the owner contact.</summary>
    public string OwnerColumn { get; }

    public string[] Columns { get; }

    /// <summary>
    /// For a table that names the owner through another row (a household member through its household, a tag through the
    /// N:N intersect): the link to that row, whose <see cref="OwnerDataLink.OwnerColumn"/> is the owner. Null: <see cref="OwnerColumn"/> names the owner.
    /// </summary>
    public OwnerDataLink? Through { get; private init; }

    /// <summary>This section, its rows found through <paramref name="link"/>.</summary>
    public OwnerDataSection Via(OwnerDataLink link) =>
        new(LogicalName, PrimaryId, OwnerColumn, Columns) { Through = Guard.NotNull(link, nameof(link)) };

    /// <summary>
    /// A solution table's section with every column its <c>Schema/Tables/*Table.Columns</c> class names: those constants
    /// are the columns PropertyCrm defines and uses on the table, so a column added there is exported without a second
    /// list to forget (an export that must hold everything is only as complete as its column list).
    /// </summary>
    public static OwnerDataSection Of(string logicalName, string primaryId, string ownerColumn, Type columnsClass)
    {
        Guard.NotNull(columnsClass, nameof(columnsClass));
        var columns = columnsClass.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToArray();
        return new OwnerDataSection(logicalName, primaryId, ownerColumn, columns);
    }
}
