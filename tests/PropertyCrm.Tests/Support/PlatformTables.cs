namespace PropertyCrm.Tests.Support;

/// <summary>
/// Dataverse's own tables the tests point lookups at. Schema/ holds the solution's tables only, so these
/// platform names live here, once, instead of as literals in each test.
/// </summary>
internal static class PlatformTables
{
    public const string SystemUser = "systemuser";

    public const string Team = "team";

    public const string TeamName = "name";

    /// <summary>Notes (备注) and attachments on a row's timeline, e.g. a technician's photos; objectid is the regarded row.</summary>
    public const string Annotation = "annotation";
}
