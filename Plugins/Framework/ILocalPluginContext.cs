using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Execution;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// What a step's logic gets from the platform, in the shape of Microsoft's `pac plugin init` template:
/// the execution context, tracing, and two organization services — one acting as the user who started
/// the operation (security applies as for that user) and one as the step's run-as user.
/// </summary>
public interface ILocalPluginContext
{
    IPluginExecutionContext PluginExecutionContext { get; }

    /// <summary>Acts as the user who initiated the operation (InitiatingUserId): their privileges apply.</summary>
    IOrganizationService InitiatingUserService { get; }

    /// <summary>Acts as the step's run-as user (UserId): for work the caller may not do directly.</summary>
    IOrganizationService PluginUserService { get; }

    /// <summary>
    /// The SYSTEM user (<c>CreateOrganizationService(null)</c>), for rows only PropertyCrm's code writes — the points
    /// ledger, balances, tier history, reward stock — on behalf of a request the caller was already allowed to make
    /// (recording a payment, creating or cancelling a redemption, a Custom API gated by its execute privilege). Staff
    /// roles hold no privileges on those rows, so the guards and the roles together keep them code-only.
    /// </summary>
    IOrganizationService SystemService { get; }

    ITracingService TracingService { get; }

    /// <summary>What the area services are built from (run-as and SYSTEM services, organization, now, trace), made once.</summary>
    ExecutionScope Scope { get; }

    /// <summary>Writes a trace line prefixed with the milliseconds elapsed since the step started.</summary>
    void Trace(string message);
}
