namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Business calendar (工作日历): <c>pcrm_businesscalendar</c>. An admin-maintained calendar in the JSON
/// format `pcrm sla calendars` documents: weekly hours, public holidays and 调休 make-up days per year.
/// A row named like a built-in calendar (cn-workdays) adds or replaces years of that calendar, which is how
/// next year's State Council schedule is entered without code.
/// </summary>
public static class BusinessCalendarTable
{
    public const string LogicalName = "pcrm_businesscalendar";

    public const string EntitySetName = "pcrm_businesscalendars";

    public const string PrimaryId = "pcrm_businesscalendarid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Calendar name (日历名称), as SLA policies refer to it. Text (50). Required; alternate key.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Definition (定义): the calendar JSON. Multiline text (100000). Required.</summary>
        public const string Definition = "pcrm_definition";

        /// <summary>Years covered (覆盖年份), e.g. "2025, 2026": filled from the definition.</summary>
        public const string YearsCovered = "pcrm_yearscovered";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string ModifiedOn = "modifiedon";
    }

    public static class Keys
    {
        public const string Name = "pcrm_businesscalendar_name";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int Name = 50;

        public const int YearsCovered = 100;
    }
}
