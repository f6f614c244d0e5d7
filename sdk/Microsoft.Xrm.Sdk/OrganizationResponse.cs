namespace Microsoft.Xrm.Sdk
{
    /// <summary>The result of a message: its name and named results.</summary>
    public class OrganizationResponse
    {
        private string _responseName;
        private ParameterCollection _results;

        public OrganizationResponse()
        {
        }

        public string ResponseName
        {
            get { return _responseName; }
            set { _responseName = value; }
        }

        /// <summary>Results[parameterName]: throws KeyNotFoundException on get when absent; set adds or replaces.</summary>
        public object this[string parameterName]
        {
            get { return Results[parameterName]; }
            set { Results[parameterName] = value; }
        }

        /// <summary>The response's results; created empty on first access.</summary>
        public ParameterCollection Results
        {
            get { return _results ?? (_results = new ParameterCollection()); }
            set { _results = value; }
        }
    }
}
