using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>Asks who the calling user is.</summary>
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        /// <summary>RequestName "WhoAmI".</summary>
        public WhoAmIRequest()
        {
            RequestName = "WhoAmI";
        }
    }
}
