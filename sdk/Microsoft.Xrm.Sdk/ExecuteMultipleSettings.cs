namespace Microsoft.Xrm.Sdk
{
    /// <summary>How ExecuteMultiple proceeds after a fault and whether it returns responses.</summary>
    public sealed class ExecuteMultipleSettings
    {
        public ExecuteMultipleSettings()
        {
        }

        public bool ContinueOnError { get; set; }

        public bool ReturnResponses { get; set; }
    }
}
