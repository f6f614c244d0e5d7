using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Service;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>What IPlugin.Execute receives: context, tracing and an organization service factory bound to the context.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext context;
    private readonly ITracingService tracing;
    private readonly IOrganizationServiceFactory factory;

    public PluginServiceProvider(PluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        this.context = context;
        this.tracing = tracing;
        this.factory = factory;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext))
        {
            return context;
        }

        if (serviceType == typeof(ITracingService))
        {
            return tracing;
        }

        if (serviceType == typeof(IOrganizationServiceFactory))
        {
            return factory;
        }

        return null;
    }
}

/// <summary>Creates services whose calls are nested in the step's operation (depth + 1, same transaction).</summary>
internal sealed class PluginServiceFactory : IOrganizationServiceFactory
{
    private readonly FakeDataverse dataverse;
    private readonly PluginExecutionContext context;

    public PluginServiceFactory(FakeDataverse dataverse, PluginExecutionContext context)
    {
        this.dataverse = dataverse;
        this.context = context;
    }

    /// <summary>Null means the SYSTEM user, as in Dataverse.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new HarnessOrganizationService(dataverse, userId ?? FakeDataverse.SystemUserId, context);
}
