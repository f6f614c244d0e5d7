using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Registration;

/// <summary>What makes a step declaration registrable: names that exist, and images/filters the platform allows.</summary>
public static class StepDeclarationChecks
{
    private static readonly string[] TableMessages = { "Create", "Update", "Delete" };

    public static IEnumerable<string> Problems(StepDeclaration step, SchemaIndex schema)
    {
        var table = step.PrimaryEntity;
        if (table is not null && !schema.HasTable(table))
        {
            yield return $"{step.Name}: table '{table}' is not in the schema constants";
            yield break;
        }

        if (table is null && TableMessages.Contains(step.Message))
        {
            yield return $"{step.Name}: {step.Message} needs a table";
        }

        foreach (var column in step.FilteringAttributes.Where(c => table is null || !schema.HasColumn(table, c)))
        {
            yield return $"{step.Name}: filtering attribute '{column}' is not a column of {table}";
        }

        if (step.FilteringAttributes.Count > 0 && step.Message != "Update")
        {
            yield return $"{step.Name}: filtering attributes apply to Update only";
        }

        foreach (var image in step.Images)
        {
            foreach (var column in image.Attributes.Where(c => table is null || !schema.HasColumn(table, c)))
            {
                yield return $"{step.Name}: image '{image.Alias}' attribute '{column}' is not a column of {table}";
            }

            if (step.Message == "Create" && image.Type != ImageType.PostImage)
            {
                yield return $"{step.Name}: Create has no pre-image";
            }

            if (image.Type != ImageType.PreImage && step.Stage != PipelineStage.PostOperation)
            {
                yield return $"{step.Name}: a post-image exists only in post-operation";
            }

            if (step.Message == "Delete" && image.Type != ImageType.PreImage)
            {
                yield return $"{step.Name}: Delete has no post-image";
            }
        }
    }
}
