using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Service;

/// <summary>ExecuteMultiple (each request its own transaction) and ExecuteTransaction (all or nothing).</summary>
internal sealed class BatchExecutor
{
    /// <summary>Dataverse's limit on requests in one ExecuteMultiple or ExecuteTransaction.</summary>
    public const int MaxRequests = 1000;

    private readonly FakeDataverse dataverse;
    private readonly EventPipeline pipeline;

    public BatchExecutor(FakeDataverse dataverse, EventPipeline pipeline)
    {
        this.dataverse = dataverse;
        this.pipeline = pipeline;
    }

    public OrganizationResponse ExecuteMultiple(OrganizationRequest request, CallOrigin origin)
    {
        var requests = RequestsOf(request);
        var settings = request.Parameters.TryGetValue("Settings", out var s) ? s as ExecuteMultipleSettings : null;
        if (settings is null)
        {
            throw Faults.InvalidArgument("ExecuteMultiple requires Settings (ContinueOnError, ReturnResponses).");
        }

        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            var inner = requests[i];
            try
            {
                var response = ExecuteInner(inner, origin);
                if (settings.ReturnResponses)
                {
                    items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
                }
            }
            catch (DataverseFaultException fault)
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                if (!settings.ContinueOnError)
                {
                    break;
                }
            }
        }

        var result = new ExecuteMultipleResponse { ResponseName = "ExecuteMultiple" };
        result.Results["Responses"] = items;
        result.Results["IsFaulted"] = faulted;
        return result;
    }

    public OrganizationResponse ExecuteTransaction(OrganizationRequest request, CallOrigin origin)
    {
        var requests = RequestsOf(request);
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var r) && r is true;
        var owns = origin.Transaction is null;
        var transaction = origin.Transaction ?? new Transaction();
        var inTransaction = origin.WithTransaction(transaction);
        var responses = new OrganizationResponseCollection();
        var index = 0;
        try
        {
            for (; index < requests.Count; index++)
            {
                var response = ExecuteInner(requests[index], inTransaction);
                if (returnResponses)
                {
                    responses.Add(response);
                }
            }

            if (owns)
            {
                dataverse.Commit(transaction);
            }
        }
        catch (Exception ex)
        {
            if (owns)
            {
                dataverse.Store.Rollback(transaction);
            }

            if (ex is not DataverseFaultException fault)
            {
                throw;
            }

            // Dataverse raises an ExecuteTransactionFault carrying FaultedRequestIndex; the offline surface
            // has no such type, so the index travels in ErrorDetails.
            var detail = new OrganizationServiceFault
            {
                ErrorCode = fault.Detail.ErrorCode,
                Message = fault.Detail.Message,
                Timestamp = fault.Detail.Timestamp,
                InnerFault = fault.Detail,
            };
            detail.ErrorDetails["FaultedRequestIndex"] = index;
            throw new DataverseFaultException(detail, fault);
        }

        var result = new ExecuteTransactionResponse { ResponseName = "ExecuteTransaction" };
        result.Results["Responses"] = responses;
        return result;
    }

    private OrganizationResponse ExecuteInner(OrganizationRequest inner, CallOrigin origin)
    {
        if (inner.RequestName is "ExecuteMultiple" or "ExecuteTransaction")
        {
            throw Faults.InvalidArgument($"{inner.RequestName} cannot be nested in another batch.");
        }

        if (origin.ParentContext is { } parent)
        {
            origin.Record.Add(new ServiceCall(inner.RequestName ?? string.Empty, HarnessOrganizationService.EntityNameOf(inner), parent.PluginType, origin.Depth, inBatch: true));
        }

        return pipeline.Execute(inner, origin);
    }

    private static OrganizationRequestCollection RequestsOf(OrganizationRequest request)
    {
        var requests = request.Parameters.TryGetValue("Requests", out var value) ? value as OrganizationRequestCollection : null;
        if (requests is null)
        {
            throw Faults.InvalidArgument($"{request.RequestName} requires Requests.");
        }

        if (requests.Count > MaxRequests)
        {
            throw Faults.InvalidArgument($"The number of requests in {request.RequestName} ({requests.Count}) exceeds the maximum batch size of {MaxRequests}.");
        }

        return requests;
    }
}
