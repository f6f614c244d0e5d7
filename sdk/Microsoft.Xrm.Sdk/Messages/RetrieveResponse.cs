namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Retrieve.</summary>
    public sealed class RetrieveResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public RetrieveResponse()
        {
        }

        /// <summary>Results["Entity"]; null when absent.</summary>
        public Entity Entity
        {
            get
            {
                return Results.Contains("Entity") ? (Entity)Results["Entity"] : null;
            }
        }
    }
}
