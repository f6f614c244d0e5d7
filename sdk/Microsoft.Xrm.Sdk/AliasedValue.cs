namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// An attribute value returned under an alias: a linked table's column, or a FetchXML aggregate.
    /// </summary>
    public sealed class AliasedValue
    {
        public AliasedValue()
        {
        }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        public string AttributeLogicalName { get; internal set; }

        public string EntityLogicalName { get; internal set; }

        public object Value { get; internal set; }
    }
}
