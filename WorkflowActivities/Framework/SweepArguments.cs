using System;

namespace PropertyCrm.WorkflowActivities.Framework;

/// <summary>Maps the sweep activities' optional arguments to the Custom API's "blank".</summary>
internal static class SweepArguments
{
    /// <summary>
    /// A date-time argument the workflow left unset arrives as <see cref="DateTime.MinValue"/> (a value type has no
    /// null), which the API would read as a real instant: treat it as blank, i.e. now.
    /// </summary>
    public static DateTime? AsOf(DateTime value) => value == default ? null : value;
}
