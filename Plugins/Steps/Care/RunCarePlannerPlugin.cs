using PropertyCrm.Plugins.Logic.Care;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Care;

/// <summary>
/// Custom API <c>pcrm_RunCarePlanner</c> (global action) for a scheduled cloud flow (daily): turns the owners' life
/// events (move-in, the new move-in sequence, round birthdays, a newborn, living-alone check-ins) and the care rules
/// into Task activities for their butlers, once per occasion, owner by owner within a time budget; returns a
/// continuation token when it stops early. See <see cref="CarePlannerSweep"/> for the calls and idempotency.
/// </summary>
public sealed class RunCarePlannerPlugin : OwnerSweepPlugin
{
    public const string ApiName = "pcrm_RunCarePlanner";
    public const string TasksCreatedOutput = "TasksCreated";

    public static readonly CustomApiDeclaration Api = Declare(new OwnerSweepApi
    {
        UniqueName = ApiName,
        PluginType = typeof(RunCarePlannerPlugin),
        DisplayName = new LocalizedText("执行主动关怀计划", "Run care planner"),
        Description = new LocalizedText(
            "为业主的管家创建关怀任务:入住欢迎、新入住系列(装修协助、邻里介绍、社区活动邀请)、整寿拜访、新生儿关怀、独居老人问候,以及维保提醒、关怀计划与挽留沟通。每个关怀时机只创建一次。供每日定时云端流调用;可重复执行。",
            "Creates care tasks for the owners' butlers: move-in welcome, the new move-in sequence (renovation help, neighbour introduction, community event invitation), round-birthday visits, newborn visits, living-alone check-in calls, and maintenance reminders, care plans and retention contacts. Each occasion gets one task. For a daily scheduled cloud flow; safe to run again."),
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        AsOfLabel = new LocalizedText("计划日期", "As of"),
        AsOfDescription = new LocalizedText("按此时间所在的中国日期计划(UTC),不得晚于现在;留空为现在。", "Plans for the China date of this instant (UTC), not after now; blank for now."),
        MaxPageSize = CarePlannerSweep.MaxPageSize,
        DefaultPageSize = CarePlannerSweep.DefaultPageSize,
        ProcessedDescription = new LocalizedText("本次计划的业主数(含跳过的)。", "Owners planned by this call (skipped ones included)."),
        CountOutput = new CustomApiField(
            TasksCreatedOutput,
            CustomApiFieldType.Integer,
            new LocalizedText("已创建任务", "Tasks created"),
            new LocalizedText("本次为管家创建的关怀任务数。", "Care tasks this call created for butlers.")),
        Count = r => r.Points,
        Run = (scope, arguments, started) => new CareService(scope).RunPlanner(arguments, started),
    });

    public RunCarePlannerPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }
}
