namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Updates a record (Target) with the attributes it carries.</summary>
    public sealed class UpdateRequest : OrganizationRequest
    {
        /// <summary>RequestName "Update"; Target present in Parameters as null.</summary>
        public UpdateRequest()
        {
            RequestName = "Update";
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

        /// <summary>Parameters["ConcurrencyBehavior"]; default when absent.</summary>
        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get
            {
                return Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default(ConcurrencyBehavior);
            }

            set
            {
                Parameters["ConcurrencyBehavior"] = value;
            }
        }
    }
}
