namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// Platform tables the service-request steps refer to that Schema/ does not (yet) declare, in one place so they can
/// move there. Names as in the Dataverse table reference.
/// </summary>
internal static class PlatformTables
{
    /// <summary>Users: the first-contact owner (首问负责人) lookup points here.</summary>
    public const string SystemUser = "systemuser";
}
