using System;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.ServiceRequests;

/// <summary>
/// Custom API <c>pcrm_CalculateDeadline</c> (action, global): the instant a number of working minutes after a
/// start, on a business calendar (built-in or admin row; cn-workdays when none is named), exactly as the SLA clocks
/// compute deadlines. It changes nothing, yet it is an action, not a function: the Dataverse connector in Power
/// Automate performs only actions ("Perform an unbound action"), and flows are its main callers (Web API: POST).
/// Reads the calendars through <see cref="Logic.Sla.SlaConfigurationCache"/>: one read cold, none warm.
/// </summary>
public sealed class CalculateDeadlinePlugin : PluginBase
{
    public const string ApiName = "pcrm_CalculateDeadline";
    public const string StartParameter = "Start";
    public const string WorkingMinutesParameter = "WorkingMinutes";
    public const string CalendarParameter = "Calendar";
    public const string DeadlineOutput = "Deadline";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(CalculateDeadlinePlugin),
        new LocalizedText("计算工作时间截止", "Calculate deadline"),
        new LocalizedText(
            "按工作日历(默认 cn-workdays,含管理员维护的日历)计算开始时间之后若干工作分钟的截止时间,与 SLA 计时一致。",
            "The instant a number of working minutes after a start on a business calendar (cn-workdays by default; admin calendars included), as the SLA clocks compute it."))
    {
        Handler = CalculateDeadline,
        IsFunction = false,
        BindingType = CustomApiBindingType.Global,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.ReadCalendars,
        RequestParameters = new[]
        {
            new CustomApiField(
                StartParameter,
                CustomApiFieldType.DateTime,
                new LocalizedText("开始时间", "Start"),
                new LocalizedText("开始计算的时间(UTC)。", "When the working time starts (UTC).")),
            new CustomApiField(
                WorkingMinutesParameter,
                CustomApiFieldType.Integer,
                new LocalizedText("工作分钟数", "Working minutes"),
                new LocalizedText($"要累加的工作分钟数,0 到 {WorkingTimeLogic.MaxMinutes}。", $"Working minutes to add, 0 to {WorkingTimeLogic.MaxMinutes}.")),
            new CustomApiField(
                CalendarParameter,
                CustomApiFieldType.String,
                new LocalizedText("工作日历", "Calendar"),
                new LocalizedText("日历名称,例如 cn-workdays、24x7 或管理员维护的日历;留空为 cn-workdays。", "Calendar name, e.g. cn-workdays, 24x7 or an admin calendar; blank for cn-workdays."))
            {
                MaxLength = BusinessCalendarTable.MaxLengths.Name,
                IsOptional = true,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(DeadlineOutput, CustomApiFieldType.DateTime, new LocalizedText("截止时间", "Deadline"), new LocalizedText("截止时间(UTC)。", "The deadline (UTC).")),
        },
    };

    public CalculateDeadlinePlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void CalculateDeadline(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var start = execution.GetRequiredInput<DateTime>(StartParameter);
        var minutes = execution.GetRequiredInput<int>(WorkingMinutesParameter);
        var calendarName = execution.GetOptionalInput<string>(CalendarParameter);

        var deadline = new WorkingTimeService(context.Scope).AddWorkingMinutes(new WorkingTimeRequest(start, minutes, calendarName));
        context.Trace($"Deadline {deadline:o} for {minutes} working minute(s) after {start:o} on '{calendarName ?? "(default)"}'.");
        execution.OutputParameters[DeadlineOutput] = deadline;
    }
}
