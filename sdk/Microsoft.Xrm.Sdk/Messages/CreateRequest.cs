namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Creates a record (Target); the response carries its id.</summary>
    public sealed class CreateRequest : OrganizationRequest
    {
        /// <summary>RequestName "Create"; Target present in Parameters as null.</summary>
        public CreateRequest()
        {
            RequestName = "Create";
            Target = null;
        }

        /// <summary>Parameters["Target"]; null when absent.</summary>
        public Entity Target
        {
            get
            {
                return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null;
            }

            set
            {
                Parameters["Target"] = value;
            }
        }
    }
}
