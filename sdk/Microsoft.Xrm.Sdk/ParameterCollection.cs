using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Named parameters of a request, response or execution context.</summary>
    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection()
        {
        }

        protected ParameterCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }
    }
}
