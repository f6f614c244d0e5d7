namespace Microsoft.Xrm.Sdk
{
    /// <summary>The responses of ExecuteTransaction.</summary>
    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
        public OrganizationResponseCollection()
        {
        }
    }
}
