using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Retrieves one record (Target) with the columns of ColumnSet.</summary>
    public sealed class RetrieveRequest : OrganizationRequest
    {
        /// <summary>RequestName "Retrieve"; Target, ColumnSet present in Parameters as null.</summary>
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
            Target = null;
            ColumnSet = null;
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

        /// <summary>Parameters["ColumnSet"]; null when absent.</summary>
        public ColumnSet ColumnSet
        {
            get
            {
                return Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : null;
            }

            set
            {
                Parameters["ColumnSet"] = value;
            }
        }
    }
}
