namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Dispatch rule (派工规则): <c>pcrm_dispatchrule</c>. Organization-owned configuration: requests accepted at a property
/// (blank = every property) on a service line (blank = any) go to a technician, or to a member of a team picked by the
/// strategy. The most specific active rule wins.
/// </summary>
public static class DispatchRuleTable
{
    public const string LogicalName = "pcrm_dispatchrule";

    public const string EntitySetName = "pcrm_dispatchrules";

    public const string PrimaryId = "pcrm_dispatchruleid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (100). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property (项目): blank = every property. Lookup pcrm_property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Service line (服务条线): blank = any. Choice <see cref="OptionSets.ServiceLine"/>.</summary>
        public const string ServiceLine = "pcrm_serviceline";

        /// <summary>Assign to user (派给人员). Lookup systemuser.</summary>
        public const string Technician = "pcrm_technicianid";

        /// <summary>Assign to team (派给团队). Lookup team.</summary>
        public const string Team = "pcrm_teamid";

        /// <summary>Strategy (派工方式). Choice <see cref="OptionSets.DispatchStrategy"/>; blank = least loaded.</summary>
        public const string Strategy = "pcrm_strategy";

        /// <summary>Last assigned to (上次派给): the member the rule assigned last (round robin). Lookup systemuser. System-maintained.</summary>
        public const string LastAssignee = "pcrm_lastassigneeid";

        /// <summary>Last dispatched on (上次派工时间): written first at each team dispatch, taking the rule's row lock. System-maintained.</summary>
        public const string LastDispatchedOn = "pcrm_lastdispatchedon";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string ModifiedOn = "modifiedon";
    }

    public static class Relationships
    {
        public const string Property = "pcrm_dispatchrule_property";
        public const string Technician = "pcrm_dispatchrule_technician";
        public const string Team = "pcrm_dispatchrule_team";
        public const string LastAssignee = "pcrm_dispatchrule_lastassignee";
    }

    /// <summary>Alternate keys: the name identifies a row across environments (`pcrm data` addresses rows by it).</summary>
    public static class Keys
    {
        public const string Name = "pcrm_dispatchrule_name";
    }
}
