namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A query written in FetchXML.</summary>
    public sealed class FetchExpression : QueryBase
    {
        private string _query;

        public FetchExpression()
            : this(null)
        {
        }

        public FetchExpression(string query)
        {
            _query = query;
        }

        /// <summary>The FetchXML text.</summary>
        public string Query
        {
            get { return _query; }
            set { _query = value; }
        }
    }
}
