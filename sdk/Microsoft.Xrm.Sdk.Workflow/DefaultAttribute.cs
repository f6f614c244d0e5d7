using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>
    /// The default value of an input argument, as text; for an EntityReference argument entityName names
    /// the table of the referenced record.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DefaultAttribute : Attribute
    {
        private readonly string _entityName;
        private readonly string _value;

        public DefaultAttribute(string value)
            : this(value, null)
        {
        }

        public DefaultAttribute(string value, string entityName)
        {
            _entityName = entityName;
            _value = value;
        }

        public string EntityName
        {
            get { return _entityName; }
        }

        public string Value
        {
            get { return _value; }
        }
    }
}
