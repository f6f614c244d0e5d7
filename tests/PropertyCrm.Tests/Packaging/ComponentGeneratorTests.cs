using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Cli.Packaging.Generation;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Tests.Packaging;

/// <summary>The step and Custom API writers on hand-made declarations (no build needed).</summary>
public sealed class ComponentGeneratorTests
{
    private static readonly Type PluginType = typeof(ComponentGeneratorTests);

    private static readonly BuiltAssembly Assembly = new(
        "Test.dll", "Test.Plugins", new Version(1, 2, 0, 0), "0123456789abcdef", new[] { PluginType.FullName! }, Array.Empty<string>());

    [Fact]
    public void Step_PlatformMessage_WritesSdkMessageIdFirstLikeExports()
    {
        var step = new StepDeclaration(PluginType, "Update", "pcrm_unit", PipelineStage.PreOperation, ExecutionMode.Synchronous)
        {
            FilteringAttributes = new[] { "pcrm_name", "pcrm_area" },
            Images = new[] { new StepImage("pre", ImageType.PreImage, "pcrm_name") },
        };

        var root = StepXmlWriter.Build(step, Assembly, new HashSet<string>()).Root!;

        Assert.Equal("SdkMessageId", root.Elements().First().Name.LocalName);
        Assert.Equal("20bebb1b-ea3e-db11-86a7-000a3a5473e8", root.Element("SdkMessageId")!.Value);
        Assert.Equal("pcrm_area,pcrm_name", root.Element("FilteringAttributes")!.Value);
        Assert.Equal("20", root.Element("Stage")!.Value);
        Assert.Equal($"{PluginType.FullName}, Test.Plugins, Version=1.2.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", root.Element("PluginTypeName")!.Value);
        var image = root.Descendants("SdkMessageProcessingStepImage").Single();
        Assert.Equal("0", image.Element("ImageType")!.Value);
        Assert.Equal("pcrm_name", image.Element("Attributes")!.Value);
    }

    [Fact]
    public void Step_CustomApiMessage_WritesSdkMessageName()
    {
        var step = new StepDeclaration(PluginType, "pcrm_Recalculate", null, PipelineStage.PostOperation, ExecutionMode.Asynchronous);

        var root = StepXmlWriter.Build(step, Assembly, new HashSet<string> { "pcrm_Recalculate" }).Root!;

        Assert.Equal("pcrm_Recalculate", root.Element("SdkMessageName")!.Value);
        Assert.Null(root.Element("SdkMessageId"));
        Assert.Null(root.Element("PrimaryEntity"));
        Assert.Equal("1", root.Element("AsyncAutoDelete")!.Value);
    }

    [Fact]
    public void Step_UnknownMessage_Throws()
    {
        var step = new StepDeclaration(PluginType, "Merge", "contact", PipelineStage.PreOperation, ExecutionMode.Synchronous);

        Assert.Throws<GenerationException>(() => StepXmlWriter.Build(step, Assembly, new HashSet<string>()));
    }

    [Fact]
    public void Step_PreImageOnCreate_Throws()
    {
        var step = new StepDeclaration(PluginType, "Create", "contact", PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            Images = new[] { new StepImage("pre", ImageType.PreImage, "fullname") },
        };

        Assert.Throws<GenerationException>(() => StepXmlWriter.Build(step, Assembly, new HashSet<string>()));
    }

    [Fact]
    public void CustomApi_WithParameters_WritesExportShapeWithBothLanguages()
    {
        var api = new CustomApiDeclaration("pcrm_Recalculate", PluginType, new LocalizedText("重新计算", "Recalculate"), new LocalizedText("重新计算积分", "Recalculate points"))
        {
            RequestParameters = new[] { new CustomApiField(
                "Target",
                CustomApiFieldType.EntityReference,
                new LocalizedText("目标", "Target"),
                new LocalizedText("记录", "Record")) { LogicalEntityName = "contact" } },
            ResponseProperties = new[] { new CustomApiField("Points", CustomApiFieldType.Integer, new LocalizedText("积分", "Points"), new LocalizedText("积分", "Points")) },
        };

        var files = CustomApiXmlWriter.Build(api, Assembly).ToDictionary(f => f.Key, f => f.Value.Root!);

        var customApi = files["customapis/pcrm_Recalculate/customapi.xml"];
        Assert.Equal(ComponentIds.Plain(ComponentIds.PluginType(PluginType.FullName!)), customApi.Element("plugintypeid")!.Element("plugintypeexportkey")!.Value);
        Assert.Equal(new[] { "1033", "2052" }, customApi.Element("displayname")!.Elements("label").Select(l => (string)l.Attribute("languagecode")!));
        Assert.Equal("重新计算", (string)customApi.Element("displayname")!.Attribute("default")!);
        var request = files["customapis/pcrm_Recalculate/customapirequestparameters/Target/customapirequestparameter.xml"];
        Assert.Equal("5", request.Element("type")!.Value);
        Assert.Equal("contact", request.Element("logicalentityname")!.Value);
        var response = files["customapis/pcrm_Recalculate/customapiresponseproperties/Points/customapiresponseproperty.xml"];
        Assert.Null(response.Element("isoptional"));
        Assert.Equal(response.Elements().Select(e => e.Name.LocalName).OrderBy(n => n, StringComparer.Ordinal), response.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Assembly_WithActivities_WritesGroupNameAndExportFolder()
    {
        var activities = new BuiltAssembly("A.dll", "Test.Activities", new Version(1, 0, 0, 0), "0123456789abcdef", Array.Empty<string>(), new[] { "Test.Activities.DoIt" });

        var root = PluginAssemblyXmlWriter.Build(activities).Root!;

        Assert.Equal("Test.Activities (1.0.0.0)", root.Descendants("WorkflowActivityGroupName").Single().Value);
        Assert.StartsWith("/PluginAssemblies/TestActivities-", root.Element("FileName")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("/TestActivities.dll", root.Element("FileName")!.Value, StringComparison.Ordinal);
    }
}
