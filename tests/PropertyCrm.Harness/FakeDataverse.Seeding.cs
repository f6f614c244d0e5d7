using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Service;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness;

public sealed partial class FakeDataverse
{
    /// <summary>
    /// Required defaults for a table's seeded rows (XrmBedrock-style data producers): <paramref name="fill"/>
    /// sets columns on a blank row; Seed copies those the seeded entity does not set itself.
    /// </summary>
    public FakeDataverse SeedDefaults(string logicalName, Action<Entity> fill)
    {
        Metadata.RegisterSeedDefaults(logicalName, fill ?? throw new ArgumentNullException(nameof(fill)));
        return this;
    }

    /// <summary>
    /// Writes a committed row directly, without the pipeline: no plug-in runs and nothing is counted.
    /// Fills the key, system columns (given createdon/modifiedon/ownerid are kept), state and the table's
    /// seed defaults. Returns the id.
    /// </summary>
    public Guid Seed(Entity entity)
    {
        if (entity is null)
        {
            throw new ArgumentNullException(nameof(entity));
        }

        var table = Metadata.Table(entity.LogicalName);
        var id = entity.Id != Guid.Empty ? entity.Id
            : entity.Attributes.TryGetValue(table.PrimaryIdAttribute, out var given) && given is Guid g ? g
            : IdGenerator();
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Metadata.SeedDefaults(entity.LogicalName) is { } fill)
        {
            var defaults = new Entity(entity.LogicalName, id);
            fill(defaults);
            foreach (var attribute in defaults.Attributes.Where(a => a.Value is not null))
            {
                attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
            }
        }

        foreach (var attribute in entity.Attributes)
        {
            if (attribute.Value is null)
            {
                attributes.Remove(attribute.Key);
            }
            else
            {
                attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
            }
        }

        // Arrange obeys the same column and key rules as the service: a test cannot seed a row Dataverse would refuse.
        RowValidator.Validate(entity.LogicalName, id, attributes.ToArray(), attributes);
        var version = Store.NextVersion();
        FillSystemColumns(table, id, attributes, AdminUserId, version, keepGiven: true);
        lock (Store.Gate)
        {
            RowValidator.CheckKeys(entity.LogicalName, id, attributes.Keys, attributes, (columns, values) => Store.KeyCandidates(entity.LogicalName, columns, values));
            if (!Store.SeedRow(new StoredRow(entity.LogicalName, id, attributes, version)))
            {
                throw Faults.Duplicate(entity.LogicalName, id);
            }
        }

        return id;
    }

    public void Seed(IEnumerable<Entity> entities)
    {
        foreach (var entity in entities ?? throw new ArgumentNullException(nameof(entities)))
        {
            Seed(entity);
        }
    }

    internal Guid BusinessUnitOf(Guid userId)
    {
        lock (Store.Gate)
        {
            var row = Store.Find(new RowKey("systemuser", userId));
            return row is not null && row.Attributes.TryGetValue("businessunitid", out var value) && value is EntityReference bu ? bu.Id : RootBusinessUnitId;
        }
    }

    internal void FillSystemColumns(TableMetadata table, Guid id, Dictionary<string, object> attributes, Guid userId, long version, bool keepGiven = false)
    {
        attributes[table.PrimaryIdAttribute] = id;
        if (table.IsIntersect)
        {
            return;
        }

        var now = Clock.UtcNow;
        var user = new EntityReference("systemuser", userId);
        if (!keepGiven || !attributes.ContainsKey("createdon"))
        {
            attributes["createdon"] = attributes.TryGetValue("overriddencreatedon", out var overridden) && overridden is DateTime o ? o : now;
        }

        if (!keepGiven || !attributes.ContainsKey("modifiedon"))
        {
            attributes["modifiedon"] = now;
        }

        if (!keepGiven || !attributes.ContainsKey("createdby"))
        {
            attributes["createdby"] = user;
        }

        if (!keepGiven || !attributes.ContainsKey("modifiedby"))
        {
            attributes["modifiedby"] = new EntityReference("systemuser", userId);
        }

        if (table.Ownership == TableOwnership.UserOwned)
        {
            if (!attributes.TryGetValue("ownerid", out var owner) || owner is not EntityReference)
            {
                attributes["ownerid"] = new EntityReference("systemuser", userId);
            }

            if (!attributes.ContainsKey("owningbusinessunit"))
            {
                // A team owner's rows sit in the team's business unit, a user's in the user's.
                attributes["owningbusinessunit"] = new EntityReference("businessunit", PrincipalBusinessUnit((EntityReference)attributes["ownerid"]));
            }
        }

        if (table.HasState)
        {
            if (!attributes.ContainsKey("statecode"))
            {
                attributes["statecode"] = new OptionSetValue(0);
            }

            if (!attributes.ContainsKey("statuscode"))
            {
                // The state's default status reason (task: Open → Not Started 2); 1 where the table has no rules.
                var state = attributes["statecode"] is OptionSetValue s ? s.Value : 0;
                var defaults = ColumnRules.For(table.LogicalName) is { } rules && rules.Columns.TryGetValue("statecode", out var stateRule) ? stateRule.StatePairs : null;
                attributes["statuscode"] = new OptionSetValue(defaults is not null && defaults.TryGetValue(state, out var status) ? status : 1);
            }
        }

        attributes["versionnumber"] = version;
    }
}
