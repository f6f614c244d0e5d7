using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The result of Assign.</summary>
    public sealed class AssignResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public AssignResponse()
        {
        }
    }
}
