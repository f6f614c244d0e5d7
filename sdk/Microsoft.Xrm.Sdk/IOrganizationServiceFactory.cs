using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Creates organization services that act as a given user (null: the step's run-as user).</summary>
    public interface IOrganizationServiceFactory
    {
        IOrganizationService CreateOrganizationService(Guid? userId);
    }
}
