namespace Microsoft.Xrm.Sdk
{
    /// <summary>The requests of ExecuteMultiple or ExecuteTransaction.</summary>
    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
        public OrganizationRequestCollection()
        {
        }
    }
}
