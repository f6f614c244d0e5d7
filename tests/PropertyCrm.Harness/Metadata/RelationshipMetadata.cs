using System;

namespace PropertyCrm.Harness.Metadata;

/// <summary>
/// An N:N relationship: Associate/Disassociate add and remove rows of the intersect table, which queries
/// can link through exactly as in Dataverse.
/// </summary>
public sealed class ManyToManyRelationship
{
    public ManyToManyRelationship(string schemaName, string entity1LogicalName, string entity2LogicalName, string? intersectEntityName = null)
    {
        SchemaName = string.IsNullOrWhiteSpace(schemaName) ? throw new ArgumentException("Schema name required.", nameof(schemaName)) : schemaName;
        Entity1LogicalName = entity1LogicalName ?? throw new ArgumentNullException(nameof(entity1LogicalName));
        Entity2LogicalName = entity2LogicalName ?? throw new ArgumentNullException(nameof(entity2LogicalName));
        IntersectEntityName = intersectEntityName ?? schemaName.ToLowerInvariant();
        var self = string.Equals(entity1LogicalName, entity2LogicalName, StringComparison.Ordinal);
        Entity1IntersectAttribute = self ? entity1LogicalName + "idone" : entity1LogicalName + "id";
        Entity2IntersectAttribute = self ? entity2LogicalName + "idtwo" : entity2LogicalName + "id";
    }

    public string SchemaName { get; }

    public string Entity1LogicalName { get; }

    public string Entity2LogicalName { get; }

    public string IntersectEntityName { get; }

    public string Entity1IntersectAttribute { get; init; }

    public string Entity2IntersectAttribute { get; init; }
}

/// <summary>
/// A 1:N relationship: associating a referencing (N side) row with a referenced (1 side) row sets the
/// referencing row's lookup column; disassociating clears it.
/// </summary>
public sealed class OneToManyRelationship
{
    public OneToManyRelationship(string schemaName, string referencedEntity, string referencingEntity, string referencingAttribute)
    {
        SchemaName = string.IsNullOrWhiteSpace(schemaName) ? throw new ArgumentException("Schema name required.", nameof(schemaName)) : schemaName;
        ReferencedEntity = referencedEntity ?? throw new ArgumentNullException(nameof(referencedEntity));
        ReferencingEntity = referencingEntity ?? throw new ArgumentNullException(nameof(referencingEntity));
        ReferencingAttribute = referencingAttribute ?? throw new ArgumentNullException(nameof(referencingAttribute));
    }

    public string SchemaName { get; }

    public string ReferencedEntity { get; }

    public string ReferencingEntity { get; }

    public string ReferencingAttribute { get; }

    /// <summary>What deleting the referenced row does to referencing rows; RemoveLink unless configured.</summary>
    public CascadeBehavior CascadeDelete { get; init; } = CascadeBehavior.RemoveLink;

    /// <summary>Whether assigning the referenced row assigns referencing rows too.</summary>
    public CascadeBehavior CascadeAssign { get; init; } = CascadeBehavior.NoCascade;

    /// <summary>Whether sharing the referenced row shares referencing rows (recorded; the harness has no sharing).</summary>
    public CascadeBehavior CascadeShare { get; init; } = CascadeBehavior.NoCascade;
}
