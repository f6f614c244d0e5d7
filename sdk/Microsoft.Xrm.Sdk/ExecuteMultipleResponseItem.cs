namespace Microsoft.Xrm.Sdk
{
    /// <summary>The result of one request of ExecuteMultiple: its index and either a response or a fault.</summary>
    public sealed class ExecuteMultipleResponseItem
    {
        public ExecuteMultipleResponseItem()
        {
        }

        /// <summary>Zero-based index of the request in ExecuteMultipleRequest.Requests.</summary>
        public int RequestIndex { get; set; }

        public OrganizationResponse Response { get; set; }

        public OrganizationServiceFault Fault { get; set; }
    }
}
