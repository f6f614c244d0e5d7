namespace Microsoft.Xrm.Sdk
{
    /// <summary>Alternate-key values that identify a record, keyed by attribute logical name.</summary>
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection()
        {
        }
    }
}
