namespace Microsoft.Xrm.Sdk
{
    /// <summary>Writes to the plug-in trace log.</summary>
    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }
}
