using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The calling user, their business unit and organization.</summary>
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public WhoAmIResponse()
        {
        }

        /// <summary>Results["UserId"]; default when absent.</summary>
        public Guid UserId
        {
            get
            {
                return Results.Contains("UserId") ? (Guid)Results["UserId"] : default(Guid);
            }
        }

        /// <summary>Results["BusinessUnitId"]; default when absent.</summary>
        public Guid BusinessUnitId
        {
            get
            {
                return Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : default(Guid);
            }
        }

        /// <summary>Results["OrganizationId"]; default when absent.</summary>
        public Guid OrganizationId
        {
            get
            {
                return Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : default(Guid);
            }
        }
    }
}
