using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A list of entity references (for example the related records of Associate).</summary>
    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection()
        {
        }

        /// <summary>Copies the given references.</summary>
        public EntityReferenceCollection(IList<EntityReference> list)
            : base(list)
        {
        }
    }
}
