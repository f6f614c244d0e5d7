namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Runs several requests, each in its own transaction, as Settings says.</summary>
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        /// <summary>RequestName "ExecuteMultiple"; Requests, Settings present in Parameters as null.</summary>
        public ExecuteMultipleRequest()
        {
            RequestName = "ExecuteMultiple";
            Requests = null;
            Settings = null;
        }

        /// <summary>Parameters["Requests"]; null when absent.</summary>
        public OrganizationRequestCollection Requests
        {
            get
            {
                return Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : null;
            }

            set
            {
                Parameters["Requests"] = value;
            }
        }

        /// <summary>Parameters["Settings"]; null when absent.</summary>
        public ExecuteMultipleSettings Settings
        {
            get
            {
                return Parameters.Contains("Settings") ? (ExecuteMultipleSettings)Parameters["Settings"] : null;
            }

            set
            {
                Parameters["Settings"] = value;
            }
        }
    }
}
