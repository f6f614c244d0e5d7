using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Marks an OutArgument property of a custom workflow activity as an output with a display name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name)
            : base(name)
        {
        }
    }
}
