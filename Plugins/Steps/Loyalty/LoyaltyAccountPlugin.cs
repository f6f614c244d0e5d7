using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Post-operation Create of contact (synchronous, in the create's transaction): creates the owner's loyalty account as
/// SYSTEM, owned like the contact (<see cref="LoyaltyAccounts"/>). Synchronous so the account exists before anything
/// can award, redeem or pay for the owner; post-operation because the contact's id and owner are final there. Budget:
/// 1 write, no reads (name and owner come from the post-image).
/// </summary>
public sealed class LoyaltyAccountPlugin : PluginBase
{
    public const string PostImageAlias = "contact";

    public static readonly StepDeclaration OnContactCreate = new(
        typeof(LoyaltyAccountPlugin),
        SdkMessageName.Create,
        ContactTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = CreateAccount,
        Images = new[] { new StepImage(PostImageAlias, ImageType.PostImage, ContactTable.Columns.FullName, ContactTable.Columns.OwnerId) { IsRequired = true } },
        Description = "Creates the owner's loyalty account with the contact. / 新建业主时创建会员账户。",
    };

    public LoyaltyAccountPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void CreateAccount(ILocalPluginContext context)
    {
        var contact = context.PluginExecutionContext.PostEntityImages[PostImageAlias];
        LoyaltyAccounts.Create(
            context.SystemService,
            contact.Id,
            contact.GetAttributeValue<string>(ContactTable.Columns.FullName),
            contact.GetAttributeValue<EntityReference>(ContactTable.Columns.OwnerId));
    }
}
