namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Upsert.</summary>
    public sealed class UpsertResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public UpsertResponse()
        {
        }

        /// <summary>Results["RecordCreated"]; default when absent.</summary>
        public bool RecordCreated
        {
            get
            {
                return Results.Contains("RecordCreated") ? (bool)Results["RecordCreated"] : default(bool);
            }
        }

        /// <summary>Results["Target"]; null when absent.</summary>
        public EntityReference Target
        {
            get
            {
                return Results.Contains("Target") ? (EntityReference)Results["Target"] : null;
            }
        }
    }
}
