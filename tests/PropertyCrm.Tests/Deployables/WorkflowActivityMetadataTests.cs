using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using PropertyCrm.Plugins.Logic.Care;
using PropertyCrm.Plugins.Logic.Lifecycle;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Deployables;

/// <summary>
/// Custom workflow activities only exist for .NET Framework, so these tests read the built net462
/// assembly's metadata (MetadataLoadContext, nothing executed) and check what the workflow designer and
/// runtime rely on: a public parameterless constructor, and arguments with the right attributes.
/// </summary>
public sealed class WorkflowActivityMetadataTests : IDisposable
{
    private readonly MetadataLoadContext context;
    private readonly Assembly assembly;

    public WorkflowActivityMetadataTests()
    {
        var path = RepoPaths.Net462Assembly("WorkflowActivities", "PropertyCrm.WorkflowActivities");
        var siblings = Directory.GetFiles(Path.GetDirectoryName(path)!, "*.dll");
        context = FrameworkReferenceAssemblies.Context(siblings);
        assembly = context.LoadFromAssemblyPath(path);
    }

    /// <summary>Activity, argument, direction, type, label, required, reference target, default.</summary>
    public static TheoryData<string, string, string, string, string, bool, string?, string?> ExpectedArguments => new()
    {
        { "Sla.AddWorkingTimeActivity", "Start", "Input", "System.DateTime", "开始时间 / Start", true, null, null },
        { "Sla.AddWorkingTimeActivity", "WorkingMinutes", "Input", "System.Int32", "工作分钟数 / Working minutes", true, null, null },
        { "Sla.AddWorkingTimeActivity", "Calendar", "Input", "System.String", "工作日历 / Calendar", false, null, "cn-workdays" },
        { "Sla.AddWorkingTimeActivity", "Deadline", "Output", "System.DateTime", "截止时间 / Deadline", false, null, null },
        { "Sla.DetectUrgencyActivity", "Text", "Input", "System.String", "报事内容 / Text", true, null, null },
        { "Sla.DetectUrgencyActivity", "Override", "Input", "Microsoft.Xrm.Sdk.OptionSetValue", "人工指定紧急程度 / Agent's urgency", false, null, null },
        { "Sla.DetectUrgencyActivity", "Urgency", "Output", "Microsoft.Xrm.Sdk.OptionSetValue", "紧急程度 / Urgency", false, null, null },
        { "Sla.DetectUrgencyActivity", "MatchedKeyword", "Output", "System.String", "命中关键词 / Matched keyword", false, null, null },
        { "Owners.CheckOwnerConsentActivity", "Owner", "Input", "Microsoft.Xrm.Sdk.EntityReference", "业主 / Owner", true, "contact", null },
        { "Owners.CheckOwnerConsentActivity", "MarketingConsent", "Output", "System.Boolean", "已同意营销 / Marketing consent", false, null, null },
        { "Owners.CheckOwnerConsentActivity", "SensitiveDataConsent", "Output", "System.Boolean", "已同意敏感信息处理 / Sensitive-data consent", false, null, null },
        { "Loyalty.AwardPointsActivity", "Owner", "Input", "Microsoft.Xrm.Sdk.EntityReference", "业主 / Owner", true, "contact", null },
        { "Loyalty.AwardPointsActivity", "Rule", "Input", "Microsoft.Xrm.Sdk.OptionSetValue", "积分规则 / Rule", true, null, null },
        { "Loyalty.AwardPointsActivity", "SourceId", "Input", "System.String", "来源编号 / Source id", true, null, null },
        { "Loyalty.AwardPointsActivity", "Points", "Output", "System.Int32", "本次积分 / Points", false, null, null },
        { "Loyalty.AwardPointsActivity", "AlreadyApplied", "Output", "System.Boolean", "已发放过 / Already applied", false, null, null },
        { "Loyalty.AwardPointsActivity", "Balance", "Output", "System.Int32", "积分余额 / Balance", false, null, null },
        { "Loyalty.RedeemRewardActivity", "Owner", "Input", "Microsoft.Xrm.Sdk.EntityReference", "业主 / Owner", true, "contact", null },
        { "Loyalty.RedeemRewardActivity", "Reward", "Input", "Microsoft.Xrm.Sdk.EntityReference", "奖品 / Reward", true, "pcrm_reward", null },
        { "Loyalty.RedeemRewardActivity", "Quantity", "Input", "System.Int32", "数量 / Quantity", false, null, "1" },
        { "Loyalty.RedeemRewardActivity", "PointsSpent", "Output", "System.Int32", "扣减积分 / Points spent", false, null, null },
        { "Loyalty.RedeemRewardActivity", "Balance", "Output", "System.Int32", "积分余额 / Balance", false, null, null },
        { "Loyalty.ReversePointsEntryActivity", "Entry", "Input", "Microsoft.Xrm.Sdk.EntityReference", "积分流水 / Entry", true, "pcrm_pointsentry", null },
        { "Loyalty.ReversePointsEntryActivity", "Reason", "Input", "System.String", "冲正原因 / Reason", true, null, null },
        { "Loyalty.ReversePointsEntryActivity", "ReversalEntry", "Output", "Microsoft.Xrm.Sdk.EntityReference", "冲正流水 / Reversal entry", false, "pcrm_pointsentry", null },
        { "Loyalty.ReversePointsEntryActivity", "AlreadyApplied", "Output", "System.Boolean", "已冲正过 / Already applied", false, null, null },
        { "Loyalty.ReversePointsEntryActivity", "PointsChange", "Output", "System.Int32", "积分变动 / Points change", false, null, null },
        { "Loyalty.ReversePointsEntryActivity", "Balance", "Output", "System.Int32", "积分余额 / Balance", false, null, null },
        { "Loyalty.RecalculateTierActivity", "Owner", "Input", "Microsoft.Xrm.Sdk.EntityReference", "业主 / Owner", true, "contact", null },
        { "Loyalty.RecalculateTierActivity", "Tier", "Output", "Microsoft.Xrm.Sdk.OptionSetValue", "会员等级 / Tier", false, null, null },
        { "Loyalty.RecalculateTierActivity", "Changed", "Output", "System.Boolean", "已变更 / Changed", false, null, null },
        { "Loyalty.RunPointsExpiryActivity", "AsOf", "Input", "System.DateTime", "截至时间 / As of", false, null, null },
        { "Loyalty.RunPointsExpiryActivity", "PageSize", "Input", "System.Int32", "每页业主数 / Page size", false, null, Text(PointsExpirySweep.DefaultPageSize) },
        { "Loyalty.RunPointsExpiryActivity", "TimeBudgetSeconds", "Input", "System.Int32", "时间预算(秒) / Time budget (seconds)", false, null, Text(StopwatchSweepBudget.DefaultSeconds) },
        { "Loyalty.RunPointsExpiryActivity", "ContinuationToken", "Input", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Loyalty.RunPointsExpiryActivity", "Processed", "Output", "System.Int32", "已处理 / Processed", false, null, null },
        { "Loyalty.RunPointsExpiryActivity", "PointsExpired", "Output", "System.Int32", "过期积分 / Points expired", false, null, null },
        { "Loyalty.RunPointsExpiryActivity", "MoreRecords", "Output", "System.Boolean", "还有更多 / More records", false, null, null },
        { "Loyalty.RunPointsExpiryActivity", "NextContinuationToken", "Output", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Loyalty.RunTierReviewActivity", "AsOf", "Input", "System.DateTime", "评审时间 / As of", false, null, null },
        { "Loyalty.RunTierReviewActivity", "PageSize", "Input", "System.Int32", "每页业主数 / Page size", false, null, Text(TierReviewSweep.DefaultPageSize) },
        { "Loyalty.RunTierReviewActivity", "TimeBudgetSeconds", "Input", "System.Int32", "时间预算(秒) / Time budget (seconds)", false, null, Text(StopwatchSweepBudget.DefaultSeconds) },
        { "Loyalty.RunTierReviewActivity", "ContinuationToken", "Input", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Loyalty.RunTierReviewActivity", "Processed", "Output", "System.Int32", "已处理 / Processed", false, null, null },
        { "Loyalty.RunTierReviewActivity", "Changed", "Output", "System.Int32", "等级变更 / Changed", false, null, null },
        { "Loyalty.RunTierReviewActivity", "MoreRecords", "Output", "System.Boolean", "还有更多 / More records", false, null, null },
        { "Loyalty.RunTierReviewActivity", "NextContinuationToken", "Output", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Lifecycle.RunLifecycleReviewActivity", "AsOf", "Input", "System.DateTime", "评估时间 / As of", false, null, null },
        { "Lifecycle.RunLifecycleReviewActivity", "PageSize", "Input", "System.Int32", "每页业主数 / Page size", false, null, Text(LifecycleReviewSweep.DefaultPageSize) },
        { "Lifecycle.RunLifecycleReviewActivity", "TimeBudgetSeconds", "Input", "System.Int32", "时间预算(秒) / Time budget (seconds)", false, null, Text(StopwatchSweepBudget.DefaultSeconds) },
        { "Lifecycle.RunLifecycleReviewActivity", "ContinuationToken", "Input", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Lifecycle.RunLifecycleReviewActivity", "Processed", "Output", "System.Int32", "已处理 / Processed", false, null, null },
        { "Lifecycle.RunLifecycleReviewActivity", "Changed", "Output", "System.Int32", "已更新 / Changed", false, null, null },
        { "Lifecycle.RunLifecycleReviewActivity", "MoreRecords", "Output", "System.Boolean", "还有更多 / More records", false, null, null },
        { "Lifecycle.RunLifecycleReviewActivity", "NextContinuationToken", "Output", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Care.RunCarePlannerActivity", "AsOf", "Input", "System.DateTime", "计划日期 / As of", false, null, null },
        { "Care.RunCarePlannerActivity", "PageSize", "Input", "System.Int32", "每页业主数 / Page size", false, null, Text(CarePlannerSweep.DefaultPageSize) },
        { "Care.RunCarePlannerActivity", "TimeBudgetSeconds", "Input", "System.Int32", "时间预算(秒) / Time budget (seconds)", false, null, Text(StopwatchSweepBudget.DefaultSeconds) },
        { "Care.RunCarePlannerActivity", "ContinuationToken", "Input", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "Care.RunCarePlannerActivity", "Processed", "Output", "System.Int32", "已处理 / Processed", false, null, null },
        { "Care.RunCarePlannerActivity", "TasksCreated", "Output", "System.Int32", "已创建任务 / Tasks created", false, null, null },
        { "Care.RunCarePlannerActivity", "MoreRecords", "Output", "System.Boolean", "还有更多 / More records", false, null, null },
        { "Care.RunCarePlannerActivity", "NextContinuationToken", "Output", "System.String", "续扫令牌 / Continuation token", false, null, null },
        { "FollowUps.RecordFollowUpActivity", "FollowUp", "Input", "Microsoft.Xrm.Sdk.EntityReference", "回访 / Follow-up", false, "pcrm_followup", null },
        { "FollowUps.RecordFollowUpActivity", "ServiceRequest", "Input", "Microsoft.Xrm.Sdk.EntityReference", "报事报修(取最近回访)/ Service request (its latest follow-up)", false, "pcrm_servicerequest", null },
        { "FollowUps.RecordFollowUpActivity", "Verification", "Input", "Microsoft.Xrm.Sdk.OptionSetValue", "问题是否解决 / Verification", false, null, null },
        { "FollowUps.RecordFollowUpActivity", "Satisfaction", "Input", "Microsoft.Xrm.Sdk.OptionSetValue", "满意度 / Satisfaction", false, null, null },
        { "FollowUps.RecordFollowUpActivity", "Nps", "Input", "System.Int32", "推荐意愿 NPS 0–10(-1 未填)/ NPS 0–10 (-1 blank)", false, null, "-1" },
        { "FollowUps.RecordFollowUpActivity", "Reliability", "Input", "System.Int32", "可靠性 1–5(-1 未填)/ Reliability 1–5 (-1 blank)", false, null, "-1" },
        { "FollowUps.RecordFollowUpActivity", "Responsiveness", "Input", "System.Int32", "响应性 1–5(-1 未填)/ Responsiveness 1–5 (-1 blank)", false, null, "-1" },
        { "FollowUps.RecordFollowUpActivity", "Assurance", "Input", "System.Int32", "保证性 1–5(-1 未填)/ Assurance 1–5 (-1 blank)", false, null, "-1" },
        { "FollowUps.RecordFollowUpActivity", "Empathy", "Input", "System.Int32", "移情性 1–5(-1 未填)/ Empathy 1–5 (-1 blank)", false, null, "-1" },
        { "FollowUps.RecordFollowUpActivity", "Tangibles", "Input", "System.Int32", "有形性 1–5(-1 未填)/ Tangibles 1–5 (-1 blank)", false, null, "-1" },
        { "FollowUps.RecordFollowUpActivity", "Comment", "Input", "System.String", "业主意见 / Comment", false, null, null },
        { "FollowUps.RecordFollowUpActivity", "Channel", "Input", "Microsoft.Xrm.Sdk.OptionSetValue", "回访方式 / Channel", false, null, null },
        { "FollowUps.RecordFollowUpActivity", "AttemptFailed", "Input", "System.Boolean", "未联系上 / Attempt failed", false, null, "False" },
        { "FollowUps.RecordFollowUpActivity", "DeclareUnreachable", "Input", "System.Boolean", "确认无法联系 / Declare unreachable", false, null, "False" },
        { "FollowUps.RecordFollowUpActivity", "Status", "Output", "System.Int32", "回访状态 / Status", false, null, null },
        { "FollowUps.RecordFollowUpActivity", "Message", "Output", "System.String", "说明 / Message", false, null, null },
    };

    [Theory]
    [MemberData(nameof(ExpectedArguments))]
    public void Argument_Declared_HasExpectedShape(
        string activity,
        string argument,
        string direction,
        string valueType,
        string label,
        bool required,
        string? referenceTarget,
        string? defaultValue)
    {
        var type = assembly.GetType("PropertyCrm.WorkflowActivities." + activity, throwOnError: true)!;
        var property = type.GetProperty(argument) ?? throw new Xunit.Sdk.XunitException($"{activity} has no argument {argument}");
        var attributes = property.GetCustomAttributesData();

        var expectedArgumentType = direction == "Input" ? "System.Activities.InArgument`1" : "System.Activities.OutArgument`1";
        Assert.Equal(expectedArgumentType, property.PropertyType.GetGenericTypeDefinition().FullName);
        Assert.Equal(valueType, property.PropertyType.GetGenericArguments()[0].FullName);

        var parameter = attributes.Single(a => a.AttributeType.FullName == $"Microsoft.Xrm.Sdk.Workflow.{direction}Attribute");
        Assert.Equal(label, parameter.ConstructorArguments[0].Value);
        Assert.Equal(required, attributes.Any(a => a.AttributeType.FullName == "System.Activities.RequiredArgumentAttribute"));
        Assert.Equal(
            referenceTarget,
            (string?)attributes.SingleOrDefault(a => a.AttributeType.FullName == "Microsoft.Xrm.Sdk.Workflow.ReferenceTargetAttribute")?.ConstructorArguments[0].Value);
        Assert.Equal(
            defaultValue,
            (string?)attributes.SingleOrDefault(a => a.AttributeType.FullName == "Microsoft.Xrm.Sdk.Workflow.DefaultAttribute")?.ConstructorArguments[0].Value);
    }

    [Fact]
    public void Activities_Every_HasPublicParameterlessConstructorAndAttributedArguments()
    {
        var activities = Activities().ToList();
        Assert.Equal(
            ExpectedArguments.Select(row => "PropertyCrm.WorkflowActivities." + (string)row[0]).Distinct().OrderBy(n => n),
            activities.Select(t => t.FullName!).OrderBy(n => n));

        foreach (var type in activities)
        {
            Assert.True(type.IsPublic && type.IsSealed, $"{type.Name} must be public and sealed");
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsArgument))
            {
                Assert.True(property.CanRead && property.CanWrite, $"{type.Name}.{property.Name} needs a public getter and setter");
                var declared = property.GetCustomAttributesData().Count(a =>
                    a.AttributeType.FullName is "Microsoft.Xrm.Sdk.Workflow.InputAttribute" or "Microsoft.Xrm.Sdk.Workflow.OutputAttribute");
                Assert.True(declared == 1, $"{type.Name}.{property.Name} needs exactly one Input or Output attribute");
                if (property.PropertyType.GetGenericArguments()[0].FullName == "Microsoft.Xrm.Sdk.EntityReference")
                {
                    Assert.Contains(property.GetCustomAttributesData(), a => a.AttributeType.FullName == "Microsoft.Xrm.Sdk.Workflow.ReferenceTargetAttribute");
                }
            }
        }
    }

    public void Dispose() => context.Dispose();

    // A [Default] is text in the attribute; the rows take it from the sweep's constant so the two cannot drift.
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private IEnumerable<Type> Activities() => assembly.GetTypes().Where(t =>
        !t.IsAbstract && t.IsClass && IsCodeActivity(t));

    private static bool IsCodeActivity(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "System.Activities.CodeActivity")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsArgument(PropertyInfo property) =>
        property.PropertyType.IsGenericType
        && property.PropertyType.GetGenericTypeDefinition().FullName is "System.Activities.InArgument`1" or "System.Activities.OutArgument`1" or "System.Activities.InOutArgument`1";
}
