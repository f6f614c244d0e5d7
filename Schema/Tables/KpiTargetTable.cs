namespace PropertyCrm.Schema.Tables;

/// <summary>
/// KPI target (KPI 目标): <c>pcrm_kpitarget</c>. Organization-owned configuration: an admin's override of one KPI's
/// default target for one property (alternate key property + KPI). Ratios are stored 0–1.
/// </summary>
public static class KpiTargetTable
{
    public const string LogicalName = "pcrm_kpitarget";

    public const string EntitySetName = "pcrm_kpitargets";

    public const string PrimaryId = "pcrm_kpitargetid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (100). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property (项目), lookup to pcrm_property. Key column.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>KPI (指标), global choice <c>pcrm_kpi</c>. Key column.</summary>
        public const string Kpi = "pcrm_kpi";

        /// <summary>Target (目标值), decimal (4 places): ratios 0–1, NPS −100…100, averages 1–5, minutes for the response time.</summary>
        public const string Target = "pcrm_target";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    public static class Keys
    {
        public const string PropertyKpi = "pcrm_kpitarget_propertykpi";
    }

    public static class Relationships
    {
        public const string Property = "pcrm_kpitarget_property";
    }
}
