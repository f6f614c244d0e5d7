using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.Harness;

public sealed class CustomApiTests
{
    private readonly FakeDataverse dataverse = new();
    private readonly string apiName = "pcrm_Redeem" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> order = new();

    public CustomApiTests()
    {
        var api = new CustomApiDeclaration(apiName, typeof(ActionPlugin), new LocalizedText("兑换", "Redeem"), new LocalizedText("兑换积分", "Redeem points"))
        {
            RequestParameters = new[]
            {
                new CustomApiField("Points", CustomApiFieldType.Integer, new LocalizedText("积分", "Points"), new LocalizedText("积分", "Points")),
                new CustomApiField(
                    "Owner",
                    CustomApiFieldType.EntityReference,
                    new LocalizedText("业主", "Owner"),
                    new LocalizedText("业主", "Owner")) { LogicalEntityName = "contact" },
                new CustomApiField("Note", CustomApiFieldType.String, new LocalizedText("备注", "Note"), new LocalizedText("备注", "Note")) { IsOptional = true },
            },
            ResponseProperties = new[]
            {
                new CustomApiField("Balance", CustomApiFieldType.Integer, new LocalizedText("余额", "Balance"), new LocalizedText("余额", "Balance")),
            },
        };
        PluginActions.ForMessage(apiName, r =>
        {
            order.Add($"main {r.Context.Stage} tx={r.Context.IsInTransaction}");
            r.Context.OutputParameters["Balance"] = 100 - (int)r.Context.InputParameters["Points"];
        });
        dataverse
            .RegisterCustomApi(api)
            .RegisterStep(TestSteps.On(apiName, null, PipelineStage.PreOperation, r => order.Add("pre " + r.Context.PrimaryEntityName)))
            .RegisterStep(TestSteps.On(apiName, null, PipelineStage.PostOperation, r => order.Add("post " + r.Context.OutputParameters["Balance"])));
    }

    [Fact]
    public void Execute_CustomApiRequest_RunsMainOperationInsidePipelineAndReturnsOutputs()
    {
        var response = dataverse.Service.Execute(Request(30, new EntityReference("contact", Guid.NewGuid())));

        Assert.Equal(70, response.Results["Balance"]);
        Assert.Equal(apiName, response.ResponseName);
        Assert.Equal(new[] { "pre none", "main 30 tx=True", "post 70" }, order);
    }

    [Fact]
    public void Execute_MissingRequiredParameter_FaultsBeforeAnyStep()
    {
        var request = new OrganizationRequest(apiName) { ["Owner"] = new EntityReference("contact", Guid.NewGuid()) };

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(request));

        Assert.Equal(DataverseErrorCodes.RequiredFieldMissing, fault.ErrorCode);
        Assert.Contains("Points", fault.Message, StringComparison.Ordinal);
        Assert.Empty(order);
    }

    [Fact]
    public void Execute_ParameterOfWrongType_Faults()
    {
        var request = new OrganizationRequest(apiName) { ["Points"] = "30", ["Owner"] = new EntityReference("contact", Guid.NewGuid()) };

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(request));

        Assert.Equal(DataverseErrorCodes.InvalidArgument, fault.ErrorCode);
        Assert.Contains("Integer", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ReferenceToWrongTable_Faults()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(Request(1, new EntityReference("account", Guid.NewGuid()))));

        Assert.Contains("contact", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UndeclaredParameter_Faults()
    {
        var request = Request(1, new EntityReference("contact", Guid.NewGuid()));
        request["Bonus"] = 5;

        Assert.Equal(DataverseErrorCodes.InvalidArgument, Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(request)).ErrorCode);
    }

    [Fact]
    public void Execute_EntityBoundApi_RequiresTargetOfBoundTableAndRunsForThatTable()
    {
        var name = "pcrm_Close" + Guid.NewGuid().ToString("N")[..8];
        string? seenEntity = null;
        Guid seenId = default;
        PluginActions.ForMessage(name, r => { seenEntity = r.Context.PrimaryEntityName; seenId = r.Context.PrimaryEntityId; });
        dataverse.RegisterCustomApi(new CustomApiDeclaration(name, typeof(ActionPlugin), new LocalizedText("关闭", "Close"), new LocalizedText("关闭", "Close"))
        {
            BindingType = CustomApiBindingType.Entity,
            BoundEntityLogicalName = "pcrm_request",
        });
        var id = Guid.NewGuid();

        dataverse.Service.Execute(new OrganizationRequest(name) { ["Target"] = new EntityReference("pcrm_request", id) });
        var missing = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new OrganizationRequest(name)));

        Assert.Equal("pcrm_request", seenEntity);
        Assert.Equal(id, seenId);
        Assert.Equal(DataverseErrorCodes.RequiredFieldMissing, missing.ErrorCode);
    }

    [Fact]
    public void Execute_PluginSetsUndeclaredOutput_Faults()
    {
        var name = "pcrm_Leaky" + Guid.NewGuid().ToString("N")[..8];
        PluginActions.ForMessage(name, r => r.Context.OutputParameters["Secret"] = 1);
        dataverse.RegisterCustomApi(new CustomApiDeclaration(name, typeof(ActionPlugin), new LocalizedText("泄漏", "Leaky"), new LocalizedText("泄漏", "Leaky")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new OrganizationRequest(name)));

        Assert.Contains("Secret", fault.Message, StringComparison.Ordinal);
    }

    private OrganizationRequest Request(int points, EntityReference owner) =>
        new(apiName) { ["Points"] = points, ["Owner"] = owner };
}
