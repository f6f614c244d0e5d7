using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Owners;

/// <summary>
/// Classic-workflow step "Check owner consent / 检查业主同意": whether an owner has given marketing and
/// sensitive-data consent, so a workflow can branch before it contacts the owner (PIPL: no marketing
/// without its own consent).
/// </summary>
public sealed class CheckOwnerConsentActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("业主 / Owner")]
    [ReferenceTarget(ContactTable.LogicalName)]
    public InArgument<EntityReference> Owner { get; set; } = null!;

    [Output("已同意营销 / Marketing consent")]
    public OutArgument<bool> MarketingConsent { get; set; } = null!;

    [Output("已同意敏感信息处理 / Sensitive-data consent")]
    public OutArgument<bool> SensitiveDataConsent { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var consents = new ConsentService(scope).Read(Owner.Get(activity));
        MarketingConsent.Set(activity, consents.Marketing);
        SensitiveDataConsent.Set(activity, consents.SensitiveData);
    }
}
