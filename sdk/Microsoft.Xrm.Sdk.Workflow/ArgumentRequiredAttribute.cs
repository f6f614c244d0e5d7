using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Marks an input argument as required (Value true) in the workflow designer.</summary>
    [AttributeUsage(AttributeTargets.All)]
    public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
    {
        private bool _value;

        public ArgumentRequiredAttribute()
            : this(false)
        {
        }

        public ArgumentRequiredAttribute(bool value)
        {
            _value = value;
        }

        public bool Value
        {
            get { return _value; }
            set { _value = value; }
        }

        /// <summary>Value, boxed.</summary>
        public object ArgumentValue
        {
            get { return _value; }
        }
    }
}
