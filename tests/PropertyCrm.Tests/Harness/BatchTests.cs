using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Harness;

public sealed class BatchTests
{
    private const string Table = "pcrm_item";

    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void ExecuteMultiple_ContinueOnErrorWithResponses_RunsAllAndReportsEach()
    {
        var missing = Guid.NewGuid();
        var request = Batch(continueOnError: true, returnResponses: true,
            new CreateRequest { Target = new Entity(Table) { ["pcrm_name"] = "one" } },
            new UpdateRequest { Target = new Entity(Table, missing) { ["pcrm_name"] = "x" } },
            new CreateRequest { Target = new Entity(Table) { ["pcrm_name"] = "three" } });

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(request);

        Assert.True(response.IsFaulted);
        Assert.Equal(new[] { 0, 1, 2 }, response.Responses.Select(r => r.RequestIndex));
        Assert.IsType<CreateResponse>(response.Responses[0].Response);
        Assert.Equal(DataverseErrorCodes.ObjectDoesNotExist, response.Responses[1].Fault.ErrorCode);
        Assert.Null(response.Responses[1].Response);
        Assert.Equal(2, dataverse.Count(Table));
    }

    [Fact]
    public void ExecuteMultiple_StopOnErrorWithoutResponses_ReturnsOnlyTheFaultAndKeepsEarlierWrites()
    {
        var request = Batch(continueOnError: false, returnResponses: false,
            new CreateRequest { Target = new Entity(Table) },
            new DeleteRequest { Target = new EntityReference(Table, Guid.NewGuid()) },
            new CreateRequest { Target = new Entity(Table) });

        var response = (ExecuteMultipleResponse)dataverse.Service.Execute(request);

        var item = Assert.Single(response.Responses);
        Assert.Equal(1, item.RequestIndex);
        Assert.NotNull(item.Fault);
        Assert.Equal(1, dataverse.Count(Table));
    }

    [Fact]
    public void ExecuteMultiple_MoreThan1000Requests_Faults()
    {
        var requests = Enumerable.Range(0, 1001).Select(_ => (OrganizationRequest)new CreateRequest { Target = new Entity(Table) }).ToArray();

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(Batch(true, false, requests)));

        Assert.Contains("1000", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Count(Table));
    }

    [Fact]
    public void ExecuteTransaction_OneRequestFails_RollsBackAll()
    {
        var existing = dataverse.Seed(new Entity(Table) { ["pcrm_name"] = "before" });
        var request = new ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity(Table) { ["pcrm_name"] = "new" } },
                new UpdateRequest { Target = new Entity(Table, existing) { ["pcrm_name"] = "after" } },
                new DeleteRequest { Target = new EntityReference(Table, Guid.NewGuid()) },
            },
        };

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(request));

        Assert.Equal(DataverseErrorCodes.ObjectDoesNotExist, fault.ErrorCode);
        Assert.Equal(2, fault.Detail.ErrorDetails["FaultedRequestIndex"]);
        Assert.Equal(1, dataverse.Count(Table));
        Assert.Equal("before", dataverse.Peek(Table, existing)!["pcrm_name"]);
    }

    [Fact]
    public void ExecuteTransaction_AllSucceed_CommitsAndReturnsResponses()
    {
        var request = new ExecuteTransactionRequest
        {
            ReturnResponses = true,
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity(Table) },
                new CreateRequest { Target = new Entity(Table) },
            },
        };

        var response = (ExecuteTransactionResponse)dataverse.Service.Execute(request);

        Assert.Equal(2, response.Responses.Count);
        Assert.Equal(2, dataverse.Count(Table));
    }

    private static ExecuteMultipleRequest Batch(bool continueOnError, bool returnResponses, params OrganizationRequest[] requests)
    {
        var batch = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses },
            Requests = new OrganizationRequestCollection(),
        };
        batch.Requests.AddRange(requests);
        return batch;
    }
}
