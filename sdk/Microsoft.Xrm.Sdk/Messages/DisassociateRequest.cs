namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Removes the links between Target and RelatedEntities through Relationship.</summary>
    public sealed class DisassociateRequest : OrganizationRequest
    {
        /// <summary>RequestName "Disassociate"; Target, Relationship, RelatedEntities present in Parameters as null.</summary>
        public DisassociateRequest()
        {
            RequestName = "Disassociate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
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

        /// <summary>Parameters["Relationship"]; null when absent.</summary>
        public Relationship Relationship
        {
            get
            {
                return Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : null;
            }

            set
            {
                Parameters["Relationship"] = value;
            }
        }

        /// <summary>Parameters["RelatedEntities"]; null when absent.</summary>
        public EntityReferenceCollection RelatedEntities
        {
            get
            {
                return Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : null;
            }

            set
            {
                Parameters["RelatedEntities"] = value;
            }
        }
    }
}
