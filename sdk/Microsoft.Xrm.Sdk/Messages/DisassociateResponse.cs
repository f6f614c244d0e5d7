namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Disassociate.</summary>
    public sealed class DisassociateResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public DisassociateResponse()
        {
        }
    }
}
