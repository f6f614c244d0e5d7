using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Execution;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// Per-execution context built from the platform's service provider. Created for each Execute call and
/// never shared, so the plug-in instance that Dataverse caches and calls from many threads stays stateless.
/// </summary>
public sealed class LocalPluginContext : ILocalPluginContext
{
    // Elapsed time comes from a stopwatch started with the step, not from DateTime.UtcNow minus
    // OperationCreatedOn: the two come from different clocks (and the test harness moves its clock),
    // so their difference is not a duration. OperationCreatedOn is traced once at entry instead.
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private readonly Lazy<IOrganizationService> initiatingUserService;
    private readonly Lazy<IOrganizationService> pluginUserService;
    private readonly Lazy<IOrganizationService> systemService;

    public LocalPluginContext(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new InvalidPluginExecutionException(nameof(serviceProvider));
        }

        PluginExecutionContext = GetService<IPluginExecutionContext>(serviceProvider);
        TracingService = GetService<ITracingService>(serviceProvider);
        var factory = GetService<IOrganizationServiceFactory>(serviceProvider);

        // Services are created on first use: a step that never calls Dataverse pays nothing for them.
        initiatingUserService = new Lazy<IOrganizationService>(() => factory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId));
        pluginUserService = new Lazy<IOrganizationService>(() => factory.CreateOrganizationService(PluginExecutionContext.UserId));
        systemService = new Lazy<IOrganizationService>(() => factory.CreateOrganizationService(null));
        Scope = new ExecutionScope(
            () => PluginUserService,
            () => SystemService,
            PluginExecutionContext.OrganizationId,
            PluginExecutionContext.OperationCreatedOn,
            Trace);
    }

    public IPluginExecutionContext PluginExecutionContext { get; }

    public IOrganizationService InitiatingUserService => initiatingUserService.Value;

    public IOrganizationService PluginUserService => pluginUserService.Value;

    public IOrganizationService SystemService => systemService.Value;

    public ITracingService TracingService { get; }

    public ExecutionScope Scope { get; }

    public void Trace(string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return;
        }

        var elapsed = stopwatch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        TracingService.Trace("[+{0} ms] {1}", elapsed, message);
    }

    private static T GetService<T>(IServiceProvider serviceProvider)
        where T : class
    {
        return serviceProvider.GetService(typeof(T)) as T
            ?? throw new InvalidPluginExecutionException($"The platform did not provide {typeof(T).Name}.");
    }
}
