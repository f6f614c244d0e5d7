namespace Microsoft.Xrm.Sdk
{
    /// <summary>Display strings of an Entity's attribute values, keyed by attribute logical name.</summary>
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection()
        {
        }
    }
}
