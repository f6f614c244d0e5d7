using System;
using System.Linq;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Tests.Registration;

/// <summary>An image's MessagePropertyName follows from the step's message (Microsoft Learn, "Define entity images"), never from a declaration.</summary>
public sealed class ImageMessagePropertyTests
{
    [Theory]
    [InlineData("Create", "Id")]
    [InlineData("Update", "Target")]
    [InlineData("Delete", "Target")]
    [InlineData("Assign", "Target")]
    [InlineData("SetState", "EntityMoniker")]
    [InlineData("SetStateDynamicEntity", "EntityMoniker")]
    public void For_PlatformMessage_IsTheDocumentedProperty(string message, string expected)
    {
        Assert.Equal(expected, ImageMessageProperty.For(message));
    }

    [Fact]
    public void Images_OnMessageWithoutKnownImageProperty_AreRefusedAtDeclaration()
    {
        var refusal = Assert.Throws<ArgumentException>(() => new StepDeclaration(typeof(object), "pcrm_RunSlaSweep", null, PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            Images = new[] { new StepImage("post", ImageType.PostImage, "pcrm_title") },
        });

        Assert.Contains("pcrm_RunSlaSweep", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_StepsWithImages_DeriveThePropertyFromTheirMessage()
    {
        var withImages = PluginCatalog.Steps.Where(s => s.Images.Count > 0).ToList();

        Assert.Contains(withImages, s => s.Message == "Create");
        Assert.All(withImages, s => Assert.Equal(s.Message == "Create" ? "Id" : "Target", s.ImageMessagePropertyName));
    }
}
