namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of ExecuteMultiple.</summary>
    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public ExecuteMultipleResponse()
        {
        }

        /// <summary>Results["IsFaulted"]; default when absent.</summary>
        public bool IsFaulted
        {
            get
            {
                return Results.Contains("IsFaulted") ? (bool)Results["IsFaulted"] : default(bool);
            }
        }

        /// <summary>Results["Responses"]; null when absent.</summary>
        public ExecuteMultipleResponseItemCollection Responses
        {
            get
            {
                return Results.Contains("Responses") ? (ExecuteMultipleResponseItemCollection)Results["Responses"] : null;
            }
        }
    }
}
