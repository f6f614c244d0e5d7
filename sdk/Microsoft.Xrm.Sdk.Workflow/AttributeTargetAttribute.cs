using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The choice (option set) column whose options an OptionSetValue argument takes.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AttributeTargetAttribute : Attribute
    {
        private readonly string _entityName;
        private readonly string _attributeName;

        public AttributeTargetAttribute(string entityName, string attributeName)
        {
            _entityName = entityName;
            _attributeName = attributeName;
        }

        public string EntityName
        {
            get { return _entityName; }
        }

        public string AttributeName
        {
            get { return _attributeName; }
        }
    }
}
