using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Service;
using PropertyCrm.Harness.Storage;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness;

public sealed partial class FakeDataverse
{
    /// <summary>Asynchronous steps queued by committed transactions, waiting for <see cref="DrainAsyncSteps"/>.</summary>
    public int PendingAsyncSteps => AsyncQueue.Count;

    /// <summary>
    /// Registers every step and Custom API the deployed solution declares (PluginCatalog), and the shipped
    /// solution's 1:N relationships with their cascades.
    /// </summary>
    public FakeDataverse WithPluginCatalog()
    {
        WithShippedRelationships();
        foreach (var step in PluginCatalog.Steps)
        {
            RegisterStep(step);
        }

        foreach (var api in PluginCatalog.CustomApis)
        {
            RegisterCustomApi(api);
        }

        return this;
    }

    /// <summary>
    /// Registers a step. <paramref name="runAsUserId"/> is the step's impersonating user (the platform's
    /// "Run in user's context"); null runs it as the caller.
    /// </summary>
    public FakeDataverse RegisterStep(StepDeclaration step, Guid? runAsUserId = null)
    {
        Registry.Add(step ?? throw new ArgumentNullException(nameof(step)), runAsUserId);
        return this;
    }

    public FakeDataverse RegisterCustomApi(CustomApiDeclaration api)
    {
        Registry.Add(api ?? throw new ArgumentNullException(nameof(api)));
        return this;
    }

    /// <summary>
    /// Runs queued asynchronous steps, in queue order, until none is left (steps they trigger included).
    /// Each runs as its own system job: a failure is recorded in <see cref="AsyncFailures"/>, not thrown.
    /// Returns how many ran.
    /// </summary>
    public int DrainAsyncSteps()
    {
        const int Limit = 10_000;
        var ran = 0;
        while (AsyncQueue.TryDequeue(out var job))
        {
            if (++ran > Limit)
            {
                throw new InvalidOperationException($"More than {Limit} asynchronous steps in one drain: an asynchronous loop?");
            }

            var queued = job.Context;
            var record = new ExecutionRecord(queued.MessageName, queued.PrimaryEntityName, queued.CorrelationId, isAsyncStep: true);
            var origin = new CallOrigin(queued.UserId, queued.InitiatingUserId, queued.Depth, queued.CorrelationId, null, queued.ParentContext as PluginExecutionContext, record);
            var context = queued.WithOrigin(origin);
            try
            {
                Pipeline.Invoke(job.Step.Plugin, context);
            }
            catch (DataverseFaultException ex)
            {
                record.Error = ex;
                asyncFailures.Enqueue(new AsyncStepFailure(job.Step, queued, context, ex));
            }
            finally
            {
                Complete(record);
            }
        }

        return ran;
    }

    internal OrganizationResponse ExecuteTopLevel(OrganizationRequest request, Guid userId)
    {
        var correlation = Guid.NewGuid();
        var record = new ExecutionRecord(request.RequestName ?? string.Empty, HarnessOrganizationService.EntityNameOf(request), correlation, isAsyncStep: false);
        var origin = new CallOrigin(userId, userId, 1, correlation, null, null, record);
        try
        {
            return Pipeline.Execute(request, origin);
        }
        catch (Exception ex)
        {
            record.Error = ex;
            throw;
        }
        finally
        {
            Complete(record);
        }
    }

    internal void Commit(Transaction transaction)
    {
        if (transaction.AbortReason is { } reason)
        {
            throw Faults.Aborted(reason);
        }

        Store.Commit(transaction);
        foreach (var action in transaction.TakeAfterCommitActions())
        {
            action();
        }
    }
}
