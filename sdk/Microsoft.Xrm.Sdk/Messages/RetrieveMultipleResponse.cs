namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of RetrieveMultiple.</summary>
    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public RetrieveMultipleResponse()
        {
        }

        /// <summary>Results["EntityCollection"]; null when absent.</summary>
        public EntityCollection EntityCollection
        {
            get
            {
                return Results.Contains("EntityCollection") ? (EntityCollection)Results["EntityCollection"] : null;
            }
        }
    }
}
