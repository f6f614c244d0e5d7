namespace PropertyCrm.Schema.Tables;

/// <summary>Building (楼栋): <c>pcrm_building</c>. A building in a property: floors, lifts, residential and commercial floors.</summary>
public static class BuildingTable
{
    public const string LogicalName = "pcrm_building";

    public const string EntitySetName = "pcrm_buildings";

    public const string PrimaryId = "pcrm_buildingid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Building Name (楼栋名称). Text (100). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property (所属项目). Lookup to pcrm_property. Required.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Floors (楼层数). Whole number (0..200).</summary>
        public const string Floors = "pcrm_floors";

        /// <summary>Lift Count (电梯数量). Whole number (0..200).</summary>
        public const string LiftCount = "pcrm_liftcount";

        /// <summary>Residential Floors (住宅楼层数). Whole number (0..200).</summary>
        public const string ResidentialFloors = "pcrm_residentialfloors";

        /// <summary>Commercial Floors (商业楼层数). Whole number (0..200).</summary>
        public const string CommercialFloors = "pcrm_commercialfloors";

        /// <summary>Butler (管家). Lookup to systemuser: becomes the butler of owners whose occupancy starts here.</summary>
        public const string Butler = "pcrm_butlerid";

        /// <summary>Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        /// <summary>Status: 0 active, 1 inactive.</summary>
        public const string StateCode = "statecode";

        /// <summary>Status reason: 1 active, 2 inactive.</summary>
        public const string StatusCode = "statuscode";

        /// <summary>When the row was created.</summary>
        public const string CreatedOn = "createdon";

        /// <summary>When the row was last modified.</summary>
        public const string ModifiedOn = "modifiedon";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Property lookup to pcrm_property. Buildings of a property; a property with buildings cannot be deleted.</summary>
        public const string Property = "pcrm_building_property";

        /// <summary>Butler lookup to systemuser. Buildings a butler looks after; removed when the user is deleted.</summary>
        public const string Butler = "pcrm_building_butler_systemuser";
    }

    /// <summary>Alternate keys.</summary>
    public static class Keys
    {
        /// <summary>A building is named once per property (`pcrm data` and the sample company address buildings by it).</summary>
        public const string PropertyName = "pcrm_building_propertyname";
    }
}
