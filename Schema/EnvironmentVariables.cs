namespace PropertyCrm.Schema;

/// <summary>Environment variable schema names (environmentvariabledefinitions/ in Solution/).</summary>
public static class EnvironmentVariables
{
    /// <summary>Calendar used when a property names none. String, default "cn-workdays".</summary>
    public const string DefaultBusinessCalendar = "pcrm_DefaultBusinessCalendar";

    /// <summary>Requests the SLA sweep handles per page. Number, default 500.</summary>
    public const string SlaSweepPageSize = "pcrm_SlaSweepPageSize";
}
