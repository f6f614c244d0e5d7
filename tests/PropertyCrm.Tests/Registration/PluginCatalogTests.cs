using System;
using System.Linq;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Owners;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Registration;

public sealed class PluginCatalogTests
{
    public static TheoryData<string> StepNames()
    {
        var data = new TheoryData<string>();
        foreach (var step in PluginCatalog.Steps)
        {
            data.Add(step.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public void Step_Declared_NamesOnlySchemaTablesAndColumns(string name)
    {
        var step = PluginCatalog.Steps.Single(s => s.Name == name);

        Assert.Empty(StepDeclarationChecks.Problems(step, SchemaIndex.FromConstants));
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public void Step_Declared_HasHandler(string name)
    {
        var step = PluginCatalog.Steps.Single(s => s.Name == name);

        Assert.NotNull(step.Handler);
    }

    [Fact]
    public void CustomApis_Declared_HaveHandlers()
    {
        Assert.All(PluginCatalog.CustomApis, api => Assert.NotNull(api.Handler));
    }

    [Fact]
    public void Problems_UnknownColumnInFilterAndImage_AreReported()
    {
        var step = new StepDeclaration(typeof(OwnerConsentPlugin), "Update", "contact", PipelineStage.PreOperation, ExecutionMode.Synchronous)
        {
            FilteringAttributes = new[] { "pcrm_nosuchcolumn" },
            Images = new[] { new StepImage("pre", ImageType.PreImage, "pcrm_alsomissing") },
        };

        var problems = StepDeclarationChecks.Problems(step, SchemaIndex.FromConstants).ToList();

        Assert.Contains(problems, p => p.Contains("pcrm_nosuchcolumn", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("pcrm_alsomissing", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownTable_IsReported()
    {
        var step = new StepDeclaration(typeof(OwnerConsentPlugin), "Create", "pcrm_nosuchtable", PipelineStage.PreOperation, ExecutionMode.Synchronous);

        Assert.Contains(StepDeclarationChecks.Problems(step, SchemaIndex.FromConstants), p => p.Contains("pcrm_nosuchtable", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_PreImageOnCreate_IsReported()
    {
        var step = new StepDeclaration(typeof(OwnerConsentPlugin), "Create", "contact", PipelineStage.PreOperation, ExecutionMode.Synchronous)
        {
            Images = new[] { new StepImage("pre", ImageType.PreImage, "fullname") },
        };

        Assert.Contains(StepDeclarationChecks.Problems(step, SchemaIndex.FromConstants), p => p.Contains("no pre-image", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_All_HaveUniqueIdsAndEvents()
    {
        Assert.Equal(PluginCatalog.Steps.Count, PluginCatalog.Steps.Select(s => s.Id).Distinct().Count());
        Assert.Equal(PluginCatalog.Steps.Count, PluginCatalog.Steps.Select(s => (s.PluginType, s.Message, s.PrimaryEntity, s.Stage)).Distinct().Count());
    }

    [Fact]
    public void PluginTypes_All_HaveTheConfigurationConstructorDataverseCalls()
    {
        var types = PluginCatalog.Steps.Select(s => s.PluginType).Concat(PluginCatalog.CustomApis.Select(a => a.PluginType)).Distinct();

        foreach (var type in types)
        {
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
            Assert.NotNull(type.GetConstructor(new[] { typeof(string), typeof(string) }));
        }
    }

    [Fact]
    public void StableId_SameName_SameGuidAcrossCalls()
    {
        Assert.Equal(StableId.From("step:x"), StableId.From("step:x"));
        Assert.NotEqual(StableId.From("step:x"), StableId.From("step:y"));
        Assert.Equal(5, (StableId.From("step:x").ToByteArray()[7] >> 4) & 0x0F);
    }
}
