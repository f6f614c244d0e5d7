using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness.Metadata;

/// <summary>Tables and relationships the harness knows beyond its defaults. Registration is expected before the test acts.</summary>
internal sealed class MetadataRegistry
{
    private readonly ConcurrentDictionary<string, TableMetadata> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ManyToManyRelationship> manyToMany = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, OneToManyRelationship> oneToMany = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Action<Entity>> seedDefaults = new(StringComparer.Ordinal);

    public void Register(TableMetadata table) => tables[table.LogicalName] = table;

    public void Register(ManyToManyRelationship relationship)
    {
        manyToMany[relationship.SchemaName] = relationship;
        Register(new TableMetadata(relationship.IntersectEntityName)
        {
            Ownership = TableOwnership.None,
            HasState = false,
            IsIntersect = true,
        });
    }

    public void Register(OneToManyRelationship relationship) => oneToMany[relationship.SchemaName] = relationship;

    public void RegisterSeedDefaults(string logicalName, Action<Entity> fill) => seedDefaults[logicalName] = fill;

    public TableMetadata Table(string logicalName) => tables.GetOrAdd(logicalName, name => new TableMetadata(name));

    public string PrimaryIdAttribute(string logicalName) => Table(logicalName).PrimaryIdAttribute;

    public ManyToManyRelationship? FindManyToMany(string schemaName) => manyToMany.TryGetValue(schemaName, out var r) ? r : null;

    public OneToManyRelationship? FindOneToMany(string schemaName) => oneToMany.TryGetValue(schemaName, out var r) ? r : null;

    public IEnumerable<ManyToManyRelationship> ManyToManyRelationships => manyToMany.Values;

    public IEnumerable<OneToManyRelationship> OneToManyRelationships => oneToMany.Values;

    public Action<Entity>? SeedDefaults(string logicalName) => seedDefaults.TryGetValue(logicalName, out var fill) ? fill : null;
}
