using System;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Sla;

namespace PropertyCrm.Plugins.Logic;

/// <summary>Working minutes after a start on a business calendar, as the SLA clocks compute them.</summary>
public sealed record WorkingTimeRequest(DateTime StartUtc, int WorkingMinutes, string? CalendarName);

/// <summary>
/// Deadlines on the organization's calendars (built-ins plus the admin's calendar rows, through
/// <see cref="SlaConfigurationCache"/>), for <c>pcrm_CalculateDeadline</c> and the classic-workflow activity alike, so
/// both answer exactly as the SLA clock does. Reads as the caller.
/// </summary>
public sealed class WorkingTimeService
{
    private readonly ExecutionScope scope;

    public WorkingTimeService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>
    /// The UTC deadline: the inputs are checked first (a bad request costs no read), then the calendars come from the
    /// cache (one read cold, none warm).
    /// </summary>
    public DateTime AddWorkingMinutes(WorkingTimeRequest request)
    {
        Guard.NotNull(request, nameof(request));
        WorkingTimeLogic.Validate(request.StartUtc, request.WorkingMinutes);
        var calendars = SlaConfigurationCache.GetCalendars(scope.Service, scope.OrganizationId, scope.Now, scope.Trace);
        return WorkingTimeLogic.AddWorkingMinutes(calendars, request.StartUtc, request.WorkingMinutes, request.CalendarName);
    }
}
