using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message to the organization service: its name and named parameters.</summary>
    public class OrganizationRequest
    {
        private string _requestName;
        private ParameterCollection _parameters;
        private Guid? _requestId;

        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            _requestName = requestName;
        }

        public string RequestName
        {
            get { return _requestName; }
            set { _requestName = value; }
        }

        /// <summary>Parameters[parameterName]: throws KeyNotFoundException on get when absent; set adds or replaces.</summary>
        public object this[string parameterName]
        {
            get { return Parameters[parameterName]; }
            set { Parameters[parameterName] = value; }
        }

        /// <summary>The request's parameters; created empty on first access.</summary>
        public ParameterCollection Parameters
        {
            get { return _parameters ?? (_parameters = new ParameterCollection()); }
            set { _parameters = value; }
        }

        public Guid? RequestId
        {
            get { return _requestId; }
            set { _requestId = value; }
        }
    }
}
