namespace Microsoft.Xrm.Sdk
{
    /// <summary>The attribute values of an Entity, keyed by attribute logical name.</summary>
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection()
        {
        }
    }
}
