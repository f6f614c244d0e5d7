namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Associate.</summary>
    public sealed class AssociateResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public AssociateResponse()
        {
        }
    }
}
