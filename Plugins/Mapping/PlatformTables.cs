namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// Platform tables (and their columns) the steps and the SLA sweep refer to that Schema/ does not (yet) declare, in
/// one place so they can move there. Names as in the Dataverse table reference (powerapps-docs
/// developer/data-platform/reference/entities/systemuser.md, team.md, environmentvariabledefinition.md,
/// environmentvariablevalue.md).
/// </summary>
internal static class PlatformTables
{
    /// <summary>Users: the first-contact owner (首问负责人) lookup points here.</summary>
    public const string SystemUser = "systemuser";

    /// <summary>Owner lookups point at a user or a team; a team recipient goes in the escalation's team column.</summary>
    public const string Team = "team";

    public static class EnvironmentVariableDefinition
    {
        public const string LogicalName = "environmentvariabledefinition";

        public const string PrimaryId = "environmentvariabledefinitionid";

        public const string SchemaName = "schemaname";

        public const string DefaultValue = "defaultvalue";
    }

    public static class EnvironmentVariableValue
    {
        public const string LogicalName = "environmentvariablevalue";

        /// <summary>Lookup to the definition.</summary>
        public const string Definition = "environmentvariabledefinitionid";

        public const string Value = "value";

        /// <summary>Alias of the value link in the one-call read.</summary>
        public const string Alias = "current";
    }

    /// <summary>Team membership (teammembership): one row per user in a team; dispatch reads a team's members from it.</summary>
    public static class TeamMembership
    {
        public const string LogicalName = "teammembership";

        public const string TeamId = "teamid";

        public const string SystemUserId = "systemuserid";
    }
}
