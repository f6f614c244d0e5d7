namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of ExecuteTransaction.</summary>
    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public ExecuteTransactionResponse()
        {
        }

        /// <summary>Results["Responses"]; null when absent.</summary>
        public OrganizationResponseCollection Responses
        {
            get
            {
                return Results.Contains("Responses") ? (OrganizationResponseCollection)Results["Responses"] : null;
            }
        }
    }
}
