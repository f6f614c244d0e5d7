namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>An argument attribute that carries a value for the workflow designer.</summary>
    public interface IWorkflowArgument
    {
        object ArgumentValue { get; }
    }
}
