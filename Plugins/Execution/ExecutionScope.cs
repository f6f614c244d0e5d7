using System;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Plugins.Execution;

/// <summary>
/// What an area service needs from one execution, built once per call by PluginBase (from the plug-in context) and by
/// WorkflowActivityBase (from the workflow context): the organization services, the organization, <see cref="Now"/>
/// and the trace. Services take this rather than <c>IPluginExecutionContext</c>, so the plug-in and the workflow
/// activity of one operation run the same code. Never shared between executions.
/// </summary>
public sealed class ExecutionScope
{
    private readonly Lazy<IOrganizationService> service;
    private readonly Lazy<IOrganizationService> systemService;

    /// <param name="service">The caller's service (created on first use: a call that never reads pays nothing).</param>
    /// <param name="systemService">The SYSTEM service, for code-only rows.</param>
    /// <param name="now">The execution's OperationCreatedOn (UTC).</param>
    public ExecutionScope(Func<IOrganizationService> service, Func<IOrganizationService> systemService, Guid organizationId, DateTime now, Action<string> trace)
    {
        this.service = new Lazy<IOrganizationService>(service ?? throw new ArgumentNullException(nameof(service)));
        this.systemService = new Lazy<IOrganizationService>(systemService ?? throw new ArgumentNullException(nameof(systemService)));
        OrganizationId = organizationId;
        Now = now;
        Trace = trace ?? throw new ArgumentNullException(nameof(trace));
    }

    /// <summary>Acts as the caller: a plug-in's run-as user, a workflow's user. Their privileges apply.</summary>
    public IOrganizationService Service => service.Value;

    /// <summary>
    /// The SYSTEM user in a plug-in, for the rows only PropertyCrm's code writes (ledger, balances, tier history, stock).
    /// In a classic workflow it is the workflow's own service, as it always was: its writes run one level deeper than
    /// the workflow (depth ≥ 2), which is what lets them past the guards.
    /// </summary>
    public IOrganizationService SystemService => systemService.Value;

    public Guid OrganizationId { get; }

    /// <summary>The execution's OperationCreatedOn (UTC): the one "now" of the call; services never read a clock.</summary>
    public DateTime Now { get; }

    public Action<string> Trace { get; }
}
