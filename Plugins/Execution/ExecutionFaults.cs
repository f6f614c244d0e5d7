using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Execution;

/// <summary>
/// The one exception ladder of plug-ins and workflow activities, as the platform expects it:
/// <list type="bullet">
/// <item>InvalidPluginExecutionException: rethrown unchanged (its message is what the user sees).</item>
/// <item>DomainException (a business rule refused the input): becomes InvalidPluginExecutionException with the rule's
/// bilingual message, so staff read the reason, not a stack trace.</item>
/// <item>A fault of a nested organization-service call (FaultException&lt;OrganizationServiceFault&gt;: another step's
/// bilingual refusal, a deadlock, a service-protection limit): becomes InvalidPluginExecutionException with that fault's
/// message unchanged, so the caller reads the refusal, or the SQL error a retry policy looks for, not "failed: …".</item>
/// <item>Anything else: wrapped in InvalidPluginExecutionException keeping the original as inner exception.</item>
/// </list>
/// Compiled into both deployables (they may not reference each other), so it lives outside Plugins/Framework.
/// </summary>
public static class ExecutionFaults
{
    /// <summary>Runs <paramref name="body"/> under the ladder; traces the refusal or failure, then "Exiting".</summary>
    public static void Run(string name, Action<string> trace, Action body)
    {
        try
        {
            body();
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (DomainException ex)
        {
            trace($"Refused by rule {ex.Code}: {ex.Message}");
            throw new InvalidPluginExecutionException(OperationStatus.Failed, ex.Message);
        }
        catch (Exception ex) when (ServiceFaultOf(ex) is { } fault)
        {
            trace($"A service call failed ({fault.ErrorCode}): {fault.Message}");
            throw new InvalidPluginExecutionException(OperationStatus.Failed, fault.Message);
        }
        catch (Exception ex)
        {
            trace($"Unexpected {ex.GetType().FullName}: {ex}");
            throw new InvalidPluginExecutionException($"{name} 执行失败 / {name} failed: {ex.Message}", ex);
        }
        finally
        {
            trace($"Exiting {name}");
        }
    }

    /// <summary>
    /// The OrganizationServiceFault of a failed organization-service call, or null. In Dataverse that exception is
    /// FaultException&lt;OrganizationServiceFault&gt; (System.ServiceModel, outside the SDK reference surface the
    /// deployables build against), so it is recognised by its public <c>Detail</c> property.
    /// </summary>
    /// <param name="exception">Any exception a service call threw.</param>
    public static OrganizationServiceFault? ServiceFaultOf(Exception exception) =>
        exception.GetType().GetProperty("Detail")?.GetValue(exception, null) as OrganizationServiceFault;
}
