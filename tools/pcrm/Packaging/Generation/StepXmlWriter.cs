using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// SdkMessageProcessingSteps/{stepid}.xml in the element order real exports use (Contoso, ROMTS,
/// explicitpluginimpersonation): the message first, then type, entity, configuration, filtering attributes,
/// mode/rank/stage, and the images. The schema wants SdkMessageId after Rank; that one deviation is a
/// documented entry in <see cref="SchemaExceptions"/>.
/// </summary>
internal static class StepXmlWriter
{
    private const string CreateMessage = "Create";
    private const string DeleteMessage = "Delete";

    public static string FilePath(StepDeclaration step) => $"{SolutionPaths.StepsFolder}/{ComponentIds.Braced(step.Id)}.xml";

    public static XDocument Build(StepDeclaration step, BuiltAssembly assembly, ISet<string> customApiNames)
    {
        var typeName = step.PluginType.FullName!;
        if (!assembly.PluginTypes.Contains(typeName, StringComparer.Ordinal))
        {
            throw new GenerationException(
                $"步骤 '{step.Name}' 的插件类型不在 {assembly.Name} 中（需为公共、非抽象、实现 IPlugin） / the step's plug-in type is not a public non-abstract IPlugin class of the built {assembly.Name} (if it is, the Release build is stale: run without --no-build)");
        }

        var root = new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", step.Name),
            new XAttribute("SdkMessageProcessingStepId", ComponentIds.Braced(step.Id)),
            new XAttribute(XNamespace.Xmlns + "xsi", CustomizationsMerger.Xsi.NamespaceName),
            Message(step, customApiNames),
            new XElement("PluginTypeName", assembly.QualifiedTypeName(typeName)),
            new XElement("PluginTypeId", ComponentIds.Plain(ComponentIds.PluginType(typeName))),
            step.PrimaryEntity is null ? null : new XElement("PrimaryEntity", step.PrimaryEntity),
            new XElement("AsyncAutoDelete", step.Mode == ExecutionMode.Asynchronous && step.AsyncAutoDelete ? GeneratedValues.True : GeneratedValues.False),
            step.UnsecureConfiguration is null ? null : new XElement("Configuration", step.UnsecureConfiguration),
            new XElement("Description", string.IsNullOrWhiteSpace(step.Description) ? step.Name : step.Description),
            new XElement("FilteringAttributes", ColumnList(step.FilteringAttributes)),
            new XElement("InvocationSource", GeneratedValues.False),
            new XElement("Mode", Number((int)step.Mode)),
            new XElement("Rank", Number(step.Rank)),
            new XElement("EventHandlerTypeCode", GeneratedValues.PluginEventHandler),
            new XElement("Stage", Number((int)step.Stage)),
            new XElement("IsCustomizable", GeneratedValues.True),
            new XElement("IsHidden", GeneratedValues.False),
            new XElement("SupportedDeployment", GeneratedValues.False),
            new XElement("IntroducedVersion", GeneratedValues.IntroducedVersion),
            new XElement("SdkMessageProcessingStepImages", step.Images.OrderBy(i => i.Alias, StringComparer.Ordinal).Select(i => Image(step, i))));
        return new XDocument(root);
    }

    private static XElement Message(StepDeclaration step, ISet<string> customApiNames)
    {
        if (SdkMessages.TryGetPlatformId(step.Message, out var id))
        {
            return new XElement("SdkMessageId", ComponentIds.Plain(id));
        }

        if (customApiNames.Contains(step.Message))
        {
            return new XElement("SdkMessageName", step.Message);
        }

        throw new GenerationException(
            $"步骤 '{step.Name}' 的消息 '{step.Message}' 未知：请在 SdkMessages 中加入其 SdkMessageId，或声明同名自定义 API / message '{step.Message}' is neither a known platform message (SdkMessages) nor a declared Custom API");
    }

    private static XElement Image(StepDeclaration step, StepImage image)
    {
        var hasPre = image.Type is ImageType.PreImage or ImageType.Both;
        var hasPost = image.Type is ImageType.PostImage or ImageType.Both;
        if ((hasPre && step.Message == CreateMessage) || (hasPost && step.Message == DeleteMessage))
        {
            // The platform has no row before a Create or after a Delete and refuses such an image.
            throw new GenerationException($"步骤 '{step.Name}' 的映像 '{image.Alias}' 对 {step.Message} 无效 / image '{image.Alias}' ({image.Type}) is not available on {step.Message}");
        }

        return new XElement("SdkMessageProcessingStepImage",
            new XAttribute("Name", image.Alias),
            new XElement("SdkMessageProcessingStepImageId", ComponentIds.Braced(ComponentIds.Image(step, image))),
            new XElement("Attributes", ColumnList(image.Attributes)),
            new XElement("EntityAlias", image.Alias),
            new XElement("ImageType", Number((int)image.Type)),
            new XElement("MessagePropertyName", MessagePropertyName(step, image)),
            new XElement("IsCustomizable", GeneratedValues.True));
    }

    /// <summary>Derived from the message, never declared: Create → Id, Update/Delete → Target (<see cref="ImageMessageProperty"/>).</summary>
    private static string MessagePropertyName(StepDeclaration step, StepImage image) =>
        ImageMessageProperty.TryFor(step.Message, out var property)
            ? property
            : throw new GenerationException($"步骤 '{step.Name}' 的映像 '{image.Alias}'：消息 {step.Message} 不支持映像 / image '{image.Alias}': entity images are not supported on message {step.Message}");

    /// <summary>Comma-separated logical names, sorted (as exports list them) so declaration order cannot cause a diff.</summary>
    private static string ColumnList(IEnumerable<string> columns) =>
        string.Join(",", columns.Select(c => c.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
