using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>Assigns a record (Target) to a user or team (Assignee).</summary>
    public sealed class AssignRequest : OrganizationRequest
    {
        /// <summary>RequestName "Assign"; Target, Assignee present in Parameters as null.</summary>
        public AssignRequest()
        {
            RequestName = "Assign";
            Target = null;
            Assignee = null;
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

        /// <summary>Parameters["Assignee"]; null when absent.</summary>
        public EntityReference Assignee
        {
            get
            {
                return Parameters.Contains("Assignee") ? (EntityReference)Parameters["Assignee"] : null;
            }

            set
            {
                Parameters["Assignee"] = value;
            }
        }
    }
}
