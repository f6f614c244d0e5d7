using System.Linq;
using PropertyCrm.Domain.Owners;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Owners;

/// <summary>
/// Dates every grant and withdrawal of an owner's PIPL consents (marketing; sensitive data) on the contact
/// itself, in pre-operation so the dates are saved with the change and cost no extra write or read.
/// </summary>
public sealed class OwnerConsentPlugin : PluginBase
{
    public const string PreImageAlias = "consent";

    private static readonly ConsentMapping[] Mappings = { ConsentMapping.Marketing, ConsentMapping.SensitiveData };

    public static readonly StepDeclaration OnCreate = new(
        typeof(OwnerConsentPlugin),
        SdkMessageName.Create,
        ContactTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = StampConsentDates,
        Description = "Stamps consent dates when a contact is created with consents. / 新建联系人时记录同意日期。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(OwnerConsentPlugin),
        SdkMessageName.Update,
        ContactTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = StampConsentDates,
        FilteringAttributes = Mappings.SelectMany(m => m.Columns).ToArray(),
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, Mappings.SelectMany(m => m.Columns).ToArray()) },
        Description = "Stamps consent grant and withdrawal dates. / 记录同意与撤回日期。",
    };

    public OwnerConsentPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void StampConsentDates(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var pre = execution.GetPreImage(PreImageAlias);
        var now = DataverseTime.ToInstant(execution.OperationCreatedOn);

        foreach (var mapping in Mappings)
        {
            var before = mapping.Read(pre);
            var after = ConsentRules.Apply(mapping.Purpose, before, mapping.ReadChange(target), now);
            mapping.WriteChanges(target, before, after);
        }
    }
}
