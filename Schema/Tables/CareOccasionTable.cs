namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Care occasion (关怀记录): <c>pcrm_careoccasion</c>. One row per owner, care event and occasion (alternate key on
/// <see cref="Columns.Key"/>), written with the butler's task by the care planner; it keeps the occasion from getting a
/// second task even after the task is deleted. System-maintained.
/// </summary>
public static class CareOccasionTable
{
    public const string LogicalName = "pcrm_careoccasion";

    public const string EntitySetName = "pcrm_careoccasions";

    public const string PrimaryId = "pcrm_careoccasionid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Care Key (关怀键). Text (100). Required; alternate key: "owner id|event|yyyyMMdd".</summary>
        public const string Key = "pcrm_key";

        /// <summary>Owner (业主). Lookup contact. Required; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Care Event (关怀事件). Choice <see cref="OptionSets.CareEvent"/>. Required.</summary>
        public const string Event = "pcrm_event";

        /// <summary>Occasion Date (时机日期). Date only. Required.</summary>
        public const string OccasionOn = "pcrm_occasionon";

        /// <summary>Task Due On (任务到期日). Date only.</summary>
        public const string DueOn = "pcrm_dueon";

        /// <summary>Task (任务). Lookup task; cleared when the task is deleted.</summary>
        public const string Task = "pcrm_taskid";

        /// <summary>Owner (user or team): the butler, like the task.</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Contact lookup to contact; parental: deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_careoccasion_contact";

        /// <summary>Task lookup to task; deleting the task removes the link only.</summary>
        public const string Task = "pcrm_careoccasion_task";
    }

    /// <summary>Alternate keys.</summary>
    public static class Keys
    {
        /// <summary>One row per care occasion.</summary>
        public const string Key = "pcrm_careoccasion_key";
    }

    /// <summary>MaxLength of the text columns code writes (equal to Entity.xml).</summary>
    public static class MaxLengths
    {
        public const int Name = 200;

        public const int Key = 100;
    }
}
