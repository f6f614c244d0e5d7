using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Pre- or post-operation entity images of an execution context, keyed by image alias.</summary>
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection()
        {
        }

        protected EntityImageCollection(IDictionary<string, Entity> collection)
            : base(collection)
        {
        }
    }
}
