using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// Base of every plug-in, in the shape of Microsoft's `pac plugin init` template.
/// Dataverse caches one instance per step registration and calls it from many threads at once, so a
/// plug-in keeps no per-call state in fields: only the configuration strings it was constructed with.
/// </summary>
/// <remarks>
/// Error handling, as the platform expects it:
/// <list type="bullet">
/// <item>InvalidPluginExecutionException: rethrown unchanged (its message is what the user sees).</item>
/// <item>DomainException (a business rule refused the input): becomes InvalidPluginExecutionException
/// with the rule's bilingual message, so staff read the reason, not a stack trace.</item>
/// <item>Anything else: wrapped in InvalidPluginExecutionException keeping the original as inner exception.</item>
/// </list>
/// </remarks>
public abstract class PluginBase : IPlugin
{
    /// <summary>Stage of a Custom API's main operation (the plug-in that implements the API).</summary>
    public const int MainOperationStage = 30;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<StepDeclaration>> DeclaredSteps = new();

    protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
        UnsecureConfiguration = unsecureConfiguration;
        SecureConfiguration = secureConfiguration;
    }

    protected string? UnsecureConfiguration { get; }

    protected string? SecureConfiguration { get; }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = new LocalPluginContext(serviceProvider);
        var execution = context.PluginExecutionContext;
        var name = GetType().Name;
        context.Trace(string.Format(
            CultureInfo.InvariantCulture,
            "Entered {0}: {1} of {2}, stage {3}, depth {4}, correlation {5}, initiating user {6}, run as {7}, operation created {8:o}",
            name,
            execution.MessageName,
            execution.PrimaryEntityName,
            execution.Stage,
            execution.Depth,
            execution.CorrelationId,
            execution.InitiatingUserId,
            execution.UserId,
            execution.OperationCreatedOn));

        if (!IsDeclared(execution))
        {
            // Registered on an event the code does not declare: doing nothing is safer than guessing.
            context.Trace($"{name} is not declared for this event; nothing done.");
            return;
        }

        try
        {
            if (execution.Stage == MainOperationStage)
            {
                CustomApiInputLimits.Check(execution);
            }

            ExecuteStep(context);
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (DomainException ex)
        {
            context.Trace($"Refused by rule {ex.Code}: {ex.Message}");
            throw new InvalidPluginExecutionException(OperationStatus.Failed, ex.Message);
        }
        catch (Exception ex)
        {
            context.Trace($"Unexpected {ex.GetType().FullName}: {ex}");
            throw new InvalidPluginExecutionException(
                $"{name} 执行失败 / {name} failed: {ex.Message}",
                ex);
        }
        finally
        {
            context.Trace($"Exiting {name}");
        }
    }

    /// <summary>The step's work: map the request to domain records, call the core, write back.</summary>
    protected abstract void ExecuteStep(ILocalPluginContext context);

    /// <summary>
    /// Whether PluginCatalog declares the current event for this plug-in type. A plug-in registered by hand
    /// on some other event does nothing. Overridden only by test plug-ins that live outside the catalog.
    /// </summary>
    protected virtual bool IsDeclared(IPluginExecutionContext execution)
    {
        if (execution.Stage == MainOperationStage)
        {
            return PluginCatalog.CustomApis.Any(api => api.PluginType == GetType() && api.UniqueName == execution.MessageName);
        }

        var steps = DeclaredSteps.GetOrAdd(GetType(), type => PluginCatalog.Steps.Where(s => s.PluginType == type).ToArray());
        return steps.Any(s =>
            string.Equals(s.Message, execution.MessageName, StringComparison.OrdinalIgnoreCase)
            && (s.PrimaryEntity is null || string.Equals(s.PrimaryEntity, execution.PrimaryEntityName, StringComparison.OrdinalIgnoreCase))
            && (int)s.Stage == execution.Stage);
    }
}
