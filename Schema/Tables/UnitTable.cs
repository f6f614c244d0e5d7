namespace PropertyCrm.Schema.Tables;

/// <summary>Unit (房屋): <c>pcrm_unit</c>. A unit in a building: floor, number, area, layout, use, handover and move-in dates.</summary>
public static class UnitTable
{
    public const string LogicalName = "pcrm_unit";

    public const string EntitySetName = "pcrm_units";

    public const string PrimaryId = "pcrm_unitid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Unit Name (房屋名称). Text (200).</summary>
        public const string Name = "pcrm_name";

        /// <summary>Building (所属楼栋). Lookup to pcrm_building. Required.</summary>
        public const string Building = "pcrm_buildingid";

        /// <summary>Property (所属项目). Lookup to pcrm_property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Floor (所在楼层). Whole number (-10..200).</summary>
        public const string Floor = "pcrm_floor";

        /// <summary>Unit Number (房号). Text (50). Required.</summary>
        public const string UnitNumber = "pcrm_unitnumber";

        /// <summary>Floor Area (㎡) (建筑面积(㎡)). Decimal, 2 places (0..100000).</summary>
        public const string Area = "pcrm_area";

        /// <summary>Layout (户型). Choice <see cref="OptionSets.UnitLayout"/>.</summary>
        public const string Layout = "pcrm_layout";

        /// <summary>Use (用途). Choice <see cref="OptionSets.UnitUse"/>. Required.</summary>
        public const string Use = "pcrm_use";

        /// <summary>Handover Date (交付日期). Date only.</summary>
        public const string HandoverDate = "pcrm_handoverdate";

        /// <summary>Move-in Date (入住日期). Date only.</summary>
        public const string MoveInDate = "pcrm_moveindate";

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
        /// <summary>Building lookup to pcrm_building. Units in a building; a building with units cannot be deleted.</summary>
        public const string Building = "pcrm_unit_building";

        /// <summary>Property lookup to pcrm_property. Units of a property (denormalised for filtering by property).</summary>
        public const string Property = "pcrm_unit_property";
    }

    /// <summary>Alternate keys (logical names).</summary>
    public static class Keys
    {
        /// <summary>Unit Number in Building: pcrm_buildingid + pcrm_unitnumber.</summary>
        public const string UnitNumberInBuilding = "pcrm_unitnumberinbuilding";
    }
}
