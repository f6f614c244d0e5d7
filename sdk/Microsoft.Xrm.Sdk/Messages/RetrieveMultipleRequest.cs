using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Retrieves the records a query (QueryExpression, QueryByAttribute or FetchExpression) selects.</summary>
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        /// <summary>RequestName "RetrieveMultiple"; Query present in Parameters as null.</summary>
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
            Query = null;
        }

        /// <summary>Parameters["Query"]; null when absent.</summary>
        public QueryBase Query
        {
            get
            {
                return Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : null;
            }

            set
            {
                Parameters["Query"] = value;
            }
        }
    }
}
