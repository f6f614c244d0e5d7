using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// Checks, before a handler runs, that the platform supplied every image its declaration marks
/// <see cref="StepImage.IsRequired"/> (DLaB.Xrm's RequirementValidator, declared rather than hand-written): a step
/// registered by hand without its image is refused with one bilingual message instead of running its rules on nothing.
/// </summary>
internal static class RequiredImages
{
    public static void Check(StepDeclaration step, IPluginExecutionContext execution)
    {
        foreach (var image in step.Images)
        {
            if (!image.IsRequired)
            {
                continue;
            }

            if (image.Type != ImageType.PostImage && !execution.PreEntityImages.Contains(image.Alias))
            {
                throw Missing(execution, image.Alias, "前映像", "pre-image");
            }

            if (image.Type != ImageType.PreImage && !execution.PostEntityImages.Contains(image.Alias))
            {
                throw Missing(execution, image.Alias, "后映像", "post-image");
            }
        }
    }

    private static InvalidPluginExecutionException Missing(IPluginExecutionContext context, string alias, string chinese, string english) =>
        new($"{context.PrimaryEntityName} 的 {context.MessageName} 步骤缺少{chinese} '{alias}',请检查插件注册 / {context.MessageName} of {context.PrimaryEntityName} has no '{alias}' {english}: check the step registration.");
}
