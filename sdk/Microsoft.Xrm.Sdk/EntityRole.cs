namespace Microsoft.Xrm.Sdk
{
    /// <summary>The role of a record in a self-referential relationship.</summary>
    public enum EntityRole
    {
        Referencing = 0,
        Referenced = 1,
    }
}
