using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>Sets the state and status reason of a record (EntityMoniker).</summary>
    public sealed class SetStateRequest : OrganizationRequest
    {
        /// <summary>RequestName "SetState"; EntityMoniker, State, Status present in Parameters as null.</summary>
        public SetStateRequest()
        {
            RequestName = "SetState";
            EntityMoniker = null;
            State = null;
            Status = null;
        }

        /// <summary>Parameters["EntityMoniker"]; null when absent.</summary>
        public EntityReference EntityMoniker
        {
            get
            {
                return Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : null;
            }

            set
            {
                Parameters["EntityMoniker"] = value;
            }
        }

        /// <summary>Parameters["State"]; null when absent.</summary>
        public OptionSetValue State
        {
            get
            {
                return Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : null;
            }

            set
            {
                Parameters["State"] = value;
            }
        }

        /// <summary>Parameters["Status"]; null when absent.</summary>
        public OptionSetValue Status
        {
            get
            {
                return Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : null;
            }

            set
            {
                Parameters["Status"] = value;
            }
        }
    }
}
