using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.Harness;

/// <summary>
/// Learn, "Behavior of specialized update operations": an Update with state/status and other columns runs its
/// PreOperation and PostOperation Update steps once for the other columns, then once for state/status.
/// </summary>
public sealed class StatusSplitTests
{
    private const string Table = "pcrm_request";

    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void Update_StateAndOtherColumns_PreAndPostOperationRunTwiceOtherColumnsFirst()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_text"] = "old" });
        var calls = new List<string>();
        string Keys(StepRun r) => r.Context.MessageName + ":" + string.Join(",", r.Target.Attributes.Keys.OrderBy(k => k));
        dataverse
            .RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreValidation, r => calls.Add("10 " + Keys(r))))
            .RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreOperation, r => calls.Add("20 " + Keys(r))))
            .RegisterStep(TestSteps.On("Update", Table, PipelineStage.PostOperation, r => calls.Add("40 " + Keys(r))));

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_text"] = "new", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        Assert.Equal(
            new[]
            {
                "10 Update:pcrm_text,statecode,statuscode",
                "20 Update:pcrm_text", "40 Update:pcrm_text",
                "20 Update:statecode,statuscode", "40 Update:statecode,statuscode",
            },
            calls);
        var row = dataverse.Peek(Table, id)!;
        Assert.Equal("new", row["pcrm_text"]);
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Update_StepFilteredOnStatus_RunsOnceForStatePartWithPreImageAfterOtherColumns()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_text"] = "old" });
        var runs = new List<(string[] Target, object? PreText)>();
        dataverse.RegisterStep(new StepDeclaration(typeof(ActionPlugin), "Update", Table, PipelineStage.PreOperation, ExecutionMode.Synchronous)
        {
            UnsecureConfiguration = PluginActions.Add(r => runs.Add((
                r.Target.Attributes.Keys.OrderBy(k => k).ToArray(),
                r.Context.PreEntityImages["pre"].GetAttributeValue<string>("pcrm_text")))),
            FilteringAttributes = new[] { "statuscode" },
            Images = new[] { new StepImage("pre", ImageType.PreImage, "pcrm_text", "statuscode") },
        });

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_text"] = "new", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        var run = Assert.Single(runs);
        Assert.Equal(new[] { "statecode", "statuscode" }, run.Target);
        Assert.Equal("new", run.PreText);
    }

    [Fact]
    public void Update_SharedVariableFromFirstPart_SeenByStatePart()
    {
        var id = dataverse.Seed(new Entity(Table));
        var seen = new List<object?>();
        dataverse.RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreOperation, r =>
        {
            if (r.Target.Contains("pcrm_text"))
            {
                r.Context.SharedVariables["text"] = r.Target["pcrm_text"];
            }
            else
            {
                seen.Add(r.Context.SharedVariables.TryGetValue("text", out var v) ? v : null);
            }
        }));

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_text"] = "new", ["statuscode"] = new OptionSetValue(2) });

        Assert.Equal(new object?[] { "new" }, seen);
    }

    [Fact]
    public void Update_OnlyStateColumns_RunsOnce()
    {
        var id = dataverse.Seed(new Entity(Table));
        var runs = 0;
        dataverse.RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreOperation, _ => runs++));

        dataverse.Service.Update(new Entity(Table, id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        Assert.Equal(1, runs);
    }
}
