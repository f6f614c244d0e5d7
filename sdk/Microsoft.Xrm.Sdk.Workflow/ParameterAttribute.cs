using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Base of InputAttribute and OutputAttribute: the argument's display name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public abstract class ParameterAttribute : Attribute
    {
        private readonly string _name;

        protected ParameterAttribute(string name)
        {
            _name = name;
        }

        public string Name
        {
            get { return _name; }
        }
    }
}
