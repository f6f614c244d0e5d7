using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The selected options of a multi-select choice column.</summary>
    public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection()
        {
        }

        /// <summary>Copies the given options.</summary>
        public OptionSetValueCollection(IList<OptionSetValue> list)
            : base(list)
        {
        }
    }
}
