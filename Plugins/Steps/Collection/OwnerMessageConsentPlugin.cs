using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.OwnerMessageTable.Columns;

namespace PropertyCrm.Plugins.Steps.Collection;

/// <summary>
/// Marketing consent gate (<see cref="MarketingConsentRules"/>): a 营销 marketing message is saved only for an owner whose
/// marketing consent is in effect; otherwise the save is refused in Chinese and English and nothing is written. Service
/// notices (the 催缴 reminders) pass without a read. Pre-operation on Create and on Update of purpose or owner: 1 read of the
/// owner's consent (as SYSTEM, so staff need no access to the consent columns) when the message is marketing. Post-operation
/// on the contact: withdrawing the marketing consent marks the owner's marketing messages still 待发送 as 发送失败 with the
/// reason, so no flow sends them (as SYSTEM: 1 read, 1 write per such message).
/// </summary>
public sealed class OwnerMessageConsentPlugin : PluginBase
{
    public const string ImageAlias = "message";

    private static readonly string[] GateColumns = { Columns.Purpose, Columns.Contact };

    public static readonly StepDeclaration OnCreate = new(typeof(OwnerMessageConsentPlugin), SdkMessageName.Create, OwnerMessageTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = Check,
        Description = "Refuses a marketing message to an owner without the marketing consent. / 业主未同意营销时拒绝保存营销消息。",
    };

    public static readonly StepDeclaration OnUpdate = new(typeof(OwnerMessageConsentPlugin), SdkMessageName.Update, OwnerMessageTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = Check,
        FilteringAttributes = GateColumns,
        Images = new[] { new StepImage(ImageAlias, ImageType.PreImage, GateColumns) { IsRequired = true } },
        Description = "Refuses a marketing message to an owner without the marketing consent. / 业主未同意营销时拒绝保存营销消息。",
    };

    public static readonly StepDeclaration OnConsentWithdrawn = new(typeof(OwnerMessageConsentPlugin), SdkMessageName.Update, ContactTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
    {
        Handler = StopPendingMarketing,
        FilteringAttributes = new[] { ContactTable.Columns.MarketingConsent },
        Images = new[] { new StepImage(ImageAlias, ImageType.PostImage, ContactTable.Columns.MarketingConsent) { IsRequired = true } },
        Description = "Stops the pending marketing messages of an owner who withdrew the marketing consent. / 撤回营销同意时停止待发送的营销消息。",
    };

    /// <summary>The reason written on a marketing message stopped by the withdrawal.</summary>
    public const string WithdrawnReason = "业主已撤回营销同意,未发送 / Not sent: the owner withdrew the marketing consent.";

    public OwnerMessageConsentPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Check(ILocalPluginContext context)
    {
        var row = context.PluginExecutionContext.CoalesceTargetWithPreImage(ImageAlias);
        if (row.GetAttributeValue<OptionSetValue>(Columns.Purpose)?.Value != MessagePurpose.Marketing)
        {
            return;
        }

        var consent = row.GetAttributeValue<EntityReference>(Columns.Contact)?.Id is Guid owner
            && context.SystemService.Retrieve(ContactTable.LogicalName, owner, new ColumnSet(ContactTable.Columns.MarketingConsent))
                .GetAttributeValue<bool?>(ContactTable.Columns.MarketingConsent) == true;
        MarketingConsentRules.RequireConsent(isMarketing: true, consentInEffect: consent);
    }

    private static void StopPendingMarketing(ILocalPluginContext context)
    {
        var contact = context.PluginExecutionContext.PostEntityImages[ImageAlias];
        if (contact.GetAttributeValue<bool?>(ContactTable.Columns.MarketingConsent) == true)
        {
            return;
        }

        var query = new QueryExpression(OwnerMessageTable.LogicalName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(Columns.Contact, ConditionOperator.Equal, contact.Id);
        query.Criteria.AddCondition(Columns.Purpose, ConditionOperator.Equal, MessagePurpose.Marketing);
        query.Criteria.AddCondition(Columns.DeliveryStatus, ConditionOperator.Equal, MessageDeliveryStatus.Pending);
        query.Criteria.AddCondition(Columns.StateCode, ConditionOperator.Equal, 0);
        foreach (var message in context.SystemService.RetrieveMultiple(query).Entities)
        {
            context.SystemService.Update(new Entity(OwnerMessageTable.LogicalName, message.Id)
            {
                [Columns.DeliveryStatus] = new OptionSetValue(MessageDeliveryStatus.Failed),
                [Columns.FailureReason] = WithdrawnReason,
            });
            context.Trace($"Owner {contact.Id}: marketing message {message.Id} stopped, the marketing consent was withdrawn.");
        }
    }
}
