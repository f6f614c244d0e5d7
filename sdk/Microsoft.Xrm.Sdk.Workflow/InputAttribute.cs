using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Marks an InArgument property of a custom workflow activity as an input with a display name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name)
            : base(name)
        {
        }
    }
}
