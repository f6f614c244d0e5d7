using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

// Owners (contacts) and where they live (occupancies).
internal sealed partial class DataProducer
{
    /// <summary>An unsaved owner of <paramref name="tier"/> with no points.</summary>
    public static Entity NewOwner(OwnerTier tier = OwnerTier.Standard) => new(ContactTable.LogicalName)
    {
        [ContactTable.Columns.LastName] = "王",
        [ContactTable.Columns.Tier] = OptionValues.ToOption(tier),
        [ContactTable.Columns.PointsBalance] = 0,
    };

    /// <summary>A seeded owner of <paramref name="tier"/> with no points.</summary>
    public Guid Owner(OwnerTier tier = OwnerTier.Standard) => dataverse.Seed(NewOwner(tier));

    /// <summary>An owner with <paramref name="moveIn"/> (ISO date) recorded on the contact (null: none).</summary>
    public Guid OwnerMovedIn(string? moveIn)
    {
        var row = new Entity(ContactTable.LogicalName) { [ContactTable.Columns.LastName] = "业主" + Next() };
        if (moveIn is not null)
        {
            row[ContactTable.Columns.MoveInDate] = DateOnly(moveIn);
        }

        return dataverse.Seed(row);
    }

    /// <summary>The owner's occupancy from <paramref name="start"/> to <paramref name="end"/> (ISO dates; null: still living there).</summary>
    public Guid Occupancy(Guid owner, string start, string? end = null, bool withdrawn = false)
    {
        var row = new Entity(OccupancyTable.LogicalName)
        {
            [OccupancyTable.Columns.Name] = "住户 / Occupancy " + Next(),
            [OccupancyTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [OccupancyTable.Columns.StartDate] = DateOnly(start),
            [OccupancyTable.Columns.EndDate] = end is null ? null : DateOnly(end),
        };
        if (withdrawn)
        {
            row[OccupancyTable.Columns.StateCode] = new OptionSetValue(1);
            row[OccupancyTable.Columns.StatusCode] = new OptionSetValue(2);
        }

        return dataverse.Seed(row);
    }
}
