using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Owners;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Owners;

/// <summary>
/// PIPL separate consent for sensitive personal information (<see cref="SensitiveDataRules"/>). Pre-operation: an ID
/// number on the contact, or a newborn's birth date on the household, is saved only while the owner's sensitive-data
/// consent is in effect after the save (the contact: from the target and pre-image, no read; the household: 1 read of
/// the owner's consent; a household member's birth date likewise, 1 read of the household with its owner's consent). Post-operation: withdrawing the consent erases the ID number (PIPL art. 47: stop processing
/// and delete), as SYSTEM so staff without the ID field's profile can record a withdrawal (1 write).
/// </summary>
public sealed class SensitiveDataConsentPlugin : PluginBase
{
    public const string ImageAlias = "sensitive";

    private const string ConsentAlias = "owner";

    private static readonly string[] ContactColumns = { ContactTable.Columns.IdNumber, ContactTable.Columns.SensitiveDataConsent };

    private static readonly string[] HouseholdColumns = { HouseholdTable.Columns.NewbornOn, HouseholdTable.Columns.Contact };

    private static readonly string[] MemberColumns = { HouseholdMemberTable.Columns.BirthDate, HouseholdMemberTable.Columns.Household };

    public static readonly StepDeclaration OnContactCreate = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Create, ContactTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = CheckContact,
        Description = "Refuses an ID number without the sensitive-data consent. / 无敏感信息同意时拒绝保存证件号码。",
    };

    public static readonly StepDeclaration OnContactUpdate = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Update, ContactTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = CheckContact,
        FilteringAttributes = ContactColumns,
        Images = new[] { new StepImage(ImageAlias, ImageType.PreImage, ContactColumns) { IsRequired = true } },
        Description = "Refuses an ID number without the sensitive-data consent. / 无敏感信息同意时拒绝保存证件号码。",
    };

    public static readonly StepDeclaration OnConsentWithdrawn = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Update, ContactTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
    {
        Handler = EraseOnWithdrawal,
        FilteringAttributes = new[] { ContactTable.Columns.SensitiveDataConsent },
        Images = new[] { new StepImage(ImageAlias, ImageType.PostImage, ContactColumns) { IsRequired = true } },
        Description = "Erases the ID number when the sensitive-data consent is withdrawn. / 撤回敏感信息同意时删除证件号码。",
    };

    public static readonly StepDeclaration OnHouseholdCreate = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Create, HouseholdTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = CheckHousehold,
        Description = "Refuses a newborn's birth date without the sensitive-data consent. / 无敏感信息同意时拒绝保存婴儿出生日期。",
    };

    public static readonly StepDeclaration OnHouseholdUpdate = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Update, HouseholdTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = CheckHousehold,
        FilteringAttributes = HouseholdColumns,
        Images = new[] { new StepImage(ImageAlias, ImageType.PreImage, HouseholdColumns) { IsRequired = true } },
        Description = "Refuses a newborn's birth date without the sensitive-data consent. / 无敏感信息同意时拒绝保存婴儿出生日期。",
    };

    public static readonly StepDeclaration OnMemberCreate = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Create, HouseholdMemberTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = CheckMember,
        Description = "Refuses a minor member's birth date without the sensitive-data consent. / 无敏感信息同意时拒绝保存未成年成员的出生日期。",
    };

    public static readonly StepDeclaration OnMemberUpdate = new(typeof(SensitiveDataConsentPlugin), SdkMessageName.Update, HouseholdMemberTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = CheckMember,
        FilteringAttributes = MemberColumns,
        Images = new[] { new StepImage(ImageAlias, ImageType.PreImage, MemberColumns) { IsRequired = true } },
        Description = "Refuses a minor member's birth date without the sensitive-data consent. / 无敏感信息同意时拒绝保存未成年成员的出生日期。",
    };

    public SensitiveDataConsentPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void CheckContact(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var row = execution.CoalesceTargetWithPreImage(ImageAlias);
        var savesId = target.Contains(ContactTable.Columns.IdNumber) && !string.IsNullOrWhiteSpace(target.GetAttributeValue<string>(ContactTable.Columns.IdNumber));
        SensitiveDataRules.RequireConsent(savesId, row.GetAttributeValue<bool?>(ContactTable.Columns.SensitiveDataConsent) == true, "证件号码", "the ID number");
    }

    private static void EraseOnWithdrawal(ILocalPluginContext context)
    {
        var contact = context.PluginExecutionContext.PostEntityImages[ImageAlias];
        if (contact.GetAttributeValue<bool?>(ContactTable.Columns.SensitiveDataConsent) != true
            && !string.IsNullOrEmpty(contact.GetAttributeValue<string>(ContactTable.Columns.IdNumber)))
        {
            context.SystemService.Update(new Entity(ContactTable.LogicalName, contact.Id) { [ContactTable.Columns.IdNumber] = null });
            context.Trace($"Owner {contact.Id}: sensitive-data consent withdrawn; ID number erased.");
        }
    }

    private static void CheckHousehold(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        if (!target.Contains(HouseholdTable.Columns.NewbornOn) && !target.Contains(HouseholdTable.Columns.Contact))
        {
            return;
        }

        var row = execution.CoalesceTargetWithPreImage(ImageAlias);
        if (row.GetAttributeValue<DateTime?>(HouseholdTable.Columns.NewbornOn) is null
            || row.GetAttributeValue<EntityReference>(HouseholdTable.Columns.Contact)?.Id is not Guid owner)
        {
            return;
        }

        var consent = context.SystemService.Retrieve(ContactTable.LogicalName, owner, new ColumnSet(ContactTable.Columns.SensitiveDataConsent))
            .GetAttributeValue<bool?>(ContactTable.Columns.SensitiveDataConsent) == true;
        SensitiveDataRules.RequireConsent(true, consent, "婴儿出生日期(未成年人信息)", "a newborn's birth date (a minor's data)");
    }

    // A household member's birth date (collected for minors): the owner of the member's household must have consented.
    // 1 read: the household with its owner's consent.
    private static void CheckMember(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        if (!target.Contains(HouseholdMemberTable.Columns.BirthDate) && !target.Contains(HouseholdMemberTable.Columns.Household))
        {
            return;
        }

        var row = execution.CoalesceTargetWithPreImage(ImageAlias);
        if (row.GetAttributeValue<DateTime?>(HouseholdMemberTable.Columns.BirthDate) is null
            || row.GetAttributeValue<EntityReference>(HouseholdMemberTable.Columns.Household)?.Id is not Guid household)
        {
            return;
        }

        var query = new QueryExpression(HouseholdTable.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(HouseholdTable.PrimaryId, ConditionOperator.Equal, household);
        var owner = query.AddLink(ContactTable.LogicalName, HouseholdTable.Columns.Contact, ContactTable.PrimaryId, JoinOperator.Inner);
        owner.EntityAlias = ConsentAlias;
        owner.Columns = new ColumnSet(ContactTable.Columns.SensitiveDataConsent);
        var found = context.SystemService.RetrieveMultiple(query).Entities.FirstOrDefault();
        var consent = found?.GetAttributeValue<AliasedValue>(ConsentAlias + "." + ContactTable.Columns.SensitiveDataConsent)?.Value is true;
        SensitiveDataRules.RequireConsent(true, consent, "未成年家庭成员的出生日期(未成年人信息)", "a minor household member's birth date (a minor's data)");
    }
}
