namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// Platform tables and columns the sweep reads that Schema/ does not (yet) declare, kept in one place so they can
/// move there as they are. Names as in the Dataverse table reference (powerapps-docs
/// developer/data-platform/reference/entities/team.md, environmentvariabledefinition.md, environmentvariablevalue.md).
/// </summary>
internal static class PlatformNames
{
    /// <summary>Owner lookups point at a user or a team; a team recipient goes in the escalation's team column.</summary>
    public const string TeamTable = "team";

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
}
