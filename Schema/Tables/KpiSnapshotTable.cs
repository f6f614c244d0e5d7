namespace PropertyCrm.Schema.Tables;

/// <summary>
/// KPI snapshot (KPI 快照): <c>pcrm_kpisnapshot</c>. Organization-owned, written only by <c>pcrm_RunKpiSnapshot</c> as
/// SYSTEM: one row per property × month × KPI (alternate key), replaced when the month is computed again.
/// </summary>
public static class KpiSnapshotTable
{
    public const string LogicalName = "pcrm_kpisnapshot";

    public const string EntitySetName = "pcrm_kpisnapshots";

    public const string PrimaryId = "pcrm_kpisnapshotid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称): "{period} {KPI} {property}". Text (100).</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property (项目), lookup to pcrm_property. Key column.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>KPI (指标), global choice <c>pcrm_kpi</c>. Key column.</summary>
        public const string Kpi = "pcrm_kpi";

        /// <summary>Period (期间): the China-time month, yyyy-MM. Text (7). Key column.</summary>
        public const string Period = "pcrm_period";

        /// <summary>Period start (期间开始): the month's first day. Date only.</summary>
        public const string PeriodStart = "pcrm_periodstart";

        /// <summary>Value (值), decimal (4 places); empty when the denominator is 0.</summary>
        public const string Value = "pcrm_value";

        /// <summary>Numerator (分子), decimal (2 places).</summary>
        public const string Numerator = "pcrm_numerator";

        /// <summary>Denominator (分母), decimal (2 places).</summary>
        public const string Denominator = "pcrm_denominator";

        /// <summary>Target (目标值) in force when computed, decimal (4 places).</summary>
        public const string Target = "pcrm_target";

        /// <summary>Met (达标), yes/no; empty when there is no value.</summary>
        public const string Met = "pcrm_met";

        /// <summary>Computed on (计算时间), UTC.</summary>
        public const string ComputedOn = "pcrm_computedon";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    public static class MaxLengths
    {
        public const int Name = 100;

        public const int Period = 7;
    }

    public static class Keys
    {
        public const string PropertyPeriodKpi = "pcrm_kpisnapshot_propertyperiodkpi";
    }

    public static class Relationships
    {
        public const string Property = "pcrm_kpisnapshot_property";
    }
}
