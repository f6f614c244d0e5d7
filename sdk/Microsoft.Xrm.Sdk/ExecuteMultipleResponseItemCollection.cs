namespace Microsoft.Xrm.Sdk
{
    /// <summary>The per-request results of ExecuteMultiple.</summary>
    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection()
        {
        }
    }
}
