using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

// Owner care: butlers, households, buildings with a butler and their units.
internal sealed partial class DataProducer
{
    /// <summary>An owner who moved in on <paramref name="moveIn"/> (recorded on the contact) and has <paramref name="butler"/>.</summary>
    public Guid OwnerWithButler(string moveIn, Guid? butler)
    {
        var row = new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "业主" + Next(),
            [ContactTable.Columns.MoveInDate] = DateOnly(moveIn),
        };
        if (butler.HasValue)
        {
            row[ContactTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, butler.Value);
        }

        return dataverse.Seed(row);
    }

    /// <summary>The owner's household row (one per owner).</summary>
    public Guid Household(Guid owner, string? birthDate = null, bool livesAlone = false, int? checkInIntervalDays = null, string? newbornOn = null)
    {
        var row = new Entity(HouseholdTable.LogicalName)
        {
            [HouseholdTable.Columns.Name] = "家庭 / Household " + Next(),
            [HouseholdTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [HouseholdTable.Columns.LivesAlone] = livesAlone,
        };
        if (birthDate is not null)
        {
            row[HouseholdTable.Columns.BirthDate] = DateOnly(birthDate);
        }

        if (checkInIntervalDays.HasValue)
        {
            row[HouseholdTable.Columns.CheckInIntervalDays] = checkInIntervalDays.Value;
        }

        if (newbornOn is not null)
        {
            row[HouseholdTable.Columns.NewbornOn] = DateOnly(newbornOn);
        }

        return dataverse.Seed(row);
    }

    /// <summary>A building of a new property with <paramref name="butler"/> (null: none).</summary>
    public Guid BuildingWithButler(Guid? butler)
    {
        var property = Property("项目 / Property " + Next());
        var row = new Entity(BuildingTable.LogicalName)
        {
            [BuildingTable.Columns.Name] = "楼栋 / Building " + Next(),
            [BuildingTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
        };
        if (butler.HasValue)
        {
            row[BuildingTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, butler.Value);
        }

        return dataverse.Seed(row);
    }

    /// <summary>A unit in <paramref name="building"/>.</summary>
    public Guid UnitIn(Guid building) => dataverse.Seed(new Entity(UnitTable.LogicalName)
    {
        [UnitTable.Columns.Name] = "房屋 / Unit " + Next(),
        [UnitTable.Columns.Building] = new EntityReference(BuildingTable.LogicalName, building),
    });

    /// <summary>An unsaved occupancy of <paramref name="owner"/> in <paramref name="unit"/> from <paramref name="start"/>.</summary>
    public static Entity NewOccupancy(Guid owner, Guid unit, string start) => new(OccupancyTable.LogicalName)
    {
        [OccupancyTable.Columns.Name] = "住户 / Occupancy",
        [OccupancyTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [OccupancyTable.Columns.Unit] = new EntityReference(UnitTable.LogicalName, unit),
        [OccupancyTable.Columns.StartDate] = DateOnly(start),
    };
}
