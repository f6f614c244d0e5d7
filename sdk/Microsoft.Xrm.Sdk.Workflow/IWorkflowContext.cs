namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The execution context of a custom workflow activity.</summary>
    public interface IWorkflowContext : IExecutionContext
    {
        string StageName { get; }

        /// <summary>0 workflow, 1 dialog, 2 business rule, 3 action, 4 business process flow.</summary>
        int WorkflowCategory { get; }

        /// <summary>0 background (asynchronous), 1 real-time (synchronous).</summary>
        int WorkflowMode { get; }

        IWorkflowContext ParentContext { get; }
    }
}
