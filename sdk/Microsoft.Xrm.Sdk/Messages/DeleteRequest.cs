namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Deletes a record (Target).</summary>
    public sealed class DeleteRequest : OrganizationRequest
    {
        /// <summary>RequestName "Delete"; Target present in Parameters as null.</summary>
        public DeleteRequest()
        {
            RequestName = "Delete";
            Target = null;
        }

        /// <summary>Parameters["Target"]; null when absent.</summary>
        public EntityReference Target
        {
            get
            {
                return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null;
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
