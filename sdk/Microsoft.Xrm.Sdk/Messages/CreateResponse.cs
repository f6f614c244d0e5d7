using System;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Create.</summary>
    public sealed class CreateResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public CreateResponse()
        {
        }

        /// <summary>Results["id"]; default when absent.</summary>
        public Guid id
        {
            get
            {
                return Results.Contains("id") ? (Guid)Results["id"] : default(Guid);
            }
        }
    }
}
