namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Delete.</summary>
    public sealed class DeleteResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public DeleteResponse()
        {
        }
    }
}
