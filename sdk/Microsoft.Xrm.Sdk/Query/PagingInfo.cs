namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Which page of results to return and how large pages are.</summary>
    public sealed class PagingInfo
    {
        public PagingInfo()
        {
        }

        /// <summary>One-based page number (0 is treated as the first page by the service).</summary>
        public int PageNumber { get; set; }

        /// <summary>Rows per page (0: the service's default).</summary>
        public int Count { get; set; }

        public bool ReturnTotalRecordCount { get; set; }

        /// <summary>The paging cookie of the previous page, from EntityCollection.PagingCookie.</summary>
        public string PagingCookie { get; set; }
    }
}
