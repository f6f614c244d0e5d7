namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Runs several requests in one transaction: all succeed or none.</summary>
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        /// <summary>RequestName "ExecuteTransaction"; Requests present in Parameters as null.</summary>
        public ExecuteTransactionRequest()
        {
            RequestName = "ExecuteTransaction";
            Requests = null;
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

        /// <summary>Parameters["ReturnResponses"]; default when absent.</summary>
        public bool? ReturnResponses
        {
            get
            {
                return Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : default(bool?);
            }

            set
            {
                Parameters["ReturnResponses"] = value;
            }
        }
    }
}
