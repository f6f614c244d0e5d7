namespace Microsoft.Xrm.Sdk
{
    /// <summary>The change state of an Entity tracked by a client context.</summary>
    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }
}
