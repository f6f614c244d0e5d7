namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Updates the record Target identifies (by id or alternate key), or creates it when there is none.</summary>
    public sealed class UpsertRequest : OrganizationRequest
    {
        /// <summary>RequestName "Upsert"; Target present in Parameters as null.</summary>
        public UpsertRequest()
        {
            RequestName = "Upsert";
            Target = null;
        }

        /// <summary>Parameters["Target"]; null when absent.</summary>
        public Entity Target
        {
            get
            {
                return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null;
            }

            set
            {
                Parameters["Target"] = value;
            }
        }
    }
}
