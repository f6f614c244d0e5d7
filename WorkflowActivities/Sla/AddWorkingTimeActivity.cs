using System;
using System.Activities;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Sla;

/// <summary>
/// Classic-workflow step "Add working time / 计算工作时间截止": the instant a number of working minutes
/// after a start, on a business calendar (cn-workdays by default; the admin's calendar rows included, through the
/// same cached SLA configuration as the plug-ins), as the SLA clock computes it.
/// </summary>
public sealed class AddWorkingTimeActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("开始时间 / Start")]
    public InArgument<DateTime> Start { get; set; } = null!;

    [RequiredArgument]
    [Input("工作分钟数 / Working minutes")]
    public InArgument<int> WorkingMinutes { get; set; } = null!;

    [Input("工作日历 / Calendar")]
    [Default(BuiltInCalendars.ChinaWorkdaysName)]
    public InArgument<string> Calendar { get; set; } = null!;

    [Output("截止时间 / Deadline")]
    public OutArgument<DateTime> Deadline { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var request = new WorkingTimeRequest(Start.Get(activity), WorkingMinutes.Get(activity), Calendar.Get(activity));
        var deadline = new WorkingTimeService(scope).AddWorkingMinutes(request);
        scope.Trace($"Deadline {deadline:o}");
        Deadline.Set(activity, deadline);
    }
}
