namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The result of Update.</summary>
    public sealed class UpdateResponse : OrganizationResponse
    {
        /// <summary>As in the genuine SDK, ResponseName is left unset (the service fills it).</summary>
        public UpdateResponse()
        {
        }
    }
}
