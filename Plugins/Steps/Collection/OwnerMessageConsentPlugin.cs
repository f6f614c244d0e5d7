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
/// owner's consent (as SYSTEM, so staff need no access to the consent columns) when the message is marketing.
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
}
