using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Care;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Care;

/// <summary>
/// The household's 独居老人 flag copied onto its owner (<see cref="LivingAloneFlag"/>): synchronous post-operation Create,
/// Update (of the flag, the owner or the state) and Delete of a household, in the same transaction, so the very next
/// request of the owner gets the living-alone urgency. A household deleted with its owner (PIPL erasure) writes nothing.
/// Calls: no read (images), at most 1 write (2 when the household changes owner).
/// </summary>
public sealed class LivingAloneFlagPlugin : PluginBase
{
    public const string PreImageAlias = "before";
    public const string PostImageAlias = "after";

    private static readonly string[] Columns =
    {
        HouseholdTable.Columns.Contact,
        HouseholdTable.Columns.LivesAlone,
        HouseholdTable.Columns.StateCode,
    };

    public static readonly StepDeclaration OnCreate = new(
        typeof(LivingAloneFlagPlugin),
        SdkMessageName.Create,
        HouseholdTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = Created,
        Images = new[] { new StepImage(PostImageAlias, ImageType.PostImage, Columns) { IsRequired = true } },
        Description = "Marks the owner as elderly living alone from the household. / 按家庭档案标记业主为独居老人。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(LivingAloneFlagPlugin),
        SdkMessageName.Update,
        HouseholdTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = Updated,
        FilteringAttributes = Columns,
        Images = new[]
        {
            new StepImage(PreImageAlias, ImageType.PreImage, Columns) { IsRequired = true },
            new StepImage(PostImageAlias, ImageType.PostImage, Columns) { IsRequired = true },
        },
        Description = "Keeps the owner's elderly-living-alone flag equal to the household's. / 家庭档案变更时同步业主的独居老人标记。",
    };

    public static readonly StepDeclaration OnDelete = new(
        typeof(LivingAloneFlagPlugin),
        SdkMessageName.Delete,
        HouseholdTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = Deleted,
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, Columns) { IsRequired = true } },
        Description = "Clears the owner's elderly-living-alone flag when the household is deleted. / 删除家庭档案时清除业主的独居老人标记。",
    };

    public LivingAloneFlagPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Created(ILocalPluginContext context) =>
        LivingAloneFlag.Apply(context.SystemService, null, context.PluginExecutionContext.PostEntityImages[PostImageAlias], context.Trace);

    private static void Updated(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        LivingAloneFlag.Apply(context.SystemService, execution.PreEntityImages[PreImageAlias], execution.PostEntityImages[PostImageAlias], context.Trace);
    }

    private static void Deleted(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (execution.IsCascadeOfDelete(ContactTable.LogicalName))
        {
            context.Trace("Household deleted with its owner: no flag to keep.");
            return;
        }

        LivingAloneFlag.Apply(context.SystemService, execution.PreEntityImages[PreImageAlias], null, context.Trace);
    }
}
