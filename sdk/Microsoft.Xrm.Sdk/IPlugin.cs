using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A plug-in: the platform calls Execute with a service provider for the context and services.</summary>
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }
}
