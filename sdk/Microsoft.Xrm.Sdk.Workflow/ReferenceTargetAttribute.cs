using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The table an EntityReference argument refers to.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        private readonly string _entityName;

        public ReferenceTargetAttribute(string entityName)
        {
            _entityName = entityName;
        }

        public string EntityName
        {
            get { return _entityName; }
        }
    }
}
