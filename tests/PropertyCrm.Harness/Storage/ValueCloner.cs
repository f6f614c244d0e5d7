using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness.Storage;

/// <summary>
/// Deep copies of SDK values. The SDK's value types (EntityReference, Money, OptionSetValue…) are mutable
/// classes; copying at the store's boundary is what a serialising web service does, and it means no caller
/// can change stored data through an object it holds.
/// </summary>
internal static class ValueCloner
{
    public static object? Clone(object? value) => value switch
    {
        null => null,
        EntityReference r => CloneReference(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        EntityCollection c => CloneCollection(c),
        Entity e => CloneEntity(e),
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, Clone(a.Value)),
        byte[] b => b.Clone(),
        string[] s => s.Clone(),
        _ => value,
    };

    /// <summary>A copy of the value; a lookup also gets its current Name.</summary>
    public static object? Named(object? value, Func<EntityReference, string?>? names)
    {
        var copy = Clone(value);
        if (copy is EntityReference reference && names is not null)
        {
            reference.Name = names(reference) ?? reference.Name;
        }

        return copy;
    }

    public static EntityReference CloneReference(EntityReference reference)
    {
        var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion };
        foreach (var key in reference.KeyAttributes)
        {
            copy.KeyAttributes[key.Key] = key.Value;
        }

        return copy;
    }

    public static Entity CloneEntity(Entity entity)
    {
        var copy = new Entity(entity.LogicalName, entity.Id) { RowVersion = entity.RowVersion, EntityState = entity.EntityState };
        foreach (var attribute in entity.Attributes)
        {
            copy.Attributes[attribute.Key] = Clone(attribute.Value);
        }

        foreach (var key in entity.KeyAttributes)
        {
            copy.KeyAttributes[key.Key] = key.Value;
        }

        return copy;
    }

    public static EntityCollection CloneCollection(EntityCollection collection)
    {
        var copy = new EntityCollection(collection.Entities.Select(CloneEntity).ToList())
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
            TotalRecordCount = collection.TotalRecordCount,
            TotalRecordCountLimitExceeded = collection.TotalRecordCountLimitExceeded,
        };
        return copy;
    }

    /// <summary>
    /// Copies a stored attribute dictionary into an Entity with the given columns (null: all). Lookups get
    /// their Name from <paramref name="names"/>, as Dataverse fills EntityReference.Name on every read.
    /// </summary>
    public static Entity ToEntity(StoredRow row, IEnumerable<string>? columns, string primaryIdAttribute, Func<EntityReference, string?>? names = null)
    {
        var entity = new Entity(row.LogicalName, row.Id) { RowVersion = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (columns is null)
        {
            foreach (var attribute in row.Attributes)
            {
                entity.Attributes[attribute.Key] = Named(attribute.Value, names);
            }
        }
        else
        {
            foreach (var column in columns)
            {
                if (row.Attributes.TryGetValue(column, out var value))
                {
                    entity.Attributes[column] = Named(value, names);
                }
            }

            // Dataverse always returns the primary key column.
            entity.Attributes[primaryIdAttribute] = row.Id;
        }

        return entity;
    }
}
