namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Links records (RelatedEntities) to Target through Relationship.</summary>
    public sealed class AssociateRequest : OrganizationRequest
    {
        /// <summary>RequestName "Associate"; Target, Relationship, RelatedEntities present in Parameters as null.</summary>
        public AssociateRequest()
        {
            RequestName = "Associate";
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
