using System.Text.Json.Serialization;

namespace PropertyCrm.Cli.Environments;

/// <summary>How a profile signs in (Azure.Identity credential).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignIn>))]
internal enum SignIn
{
    /// <summary>InteractiveBrowserCredential: a browser window, then the cached account.</summary>
    Browser,

    /// <summary>DeviceCodeCredential: a code to enter on another device (SSH sessions, no browser).</summary>
    DeviceCode,

    /// <summary>ClientSecretCredential: an app registration whose secret is read from an environment variable.</summary>
    ClientSecret,

    /// <summary>ManagedIdentityCredential: an Azure VM, container or pipeline identity.</summary>
    ManagedIdentity,
}

/// <summary>
/// A named Dataverse environment (`pcrm env add`). Holds no secret: a client secret is named by the environment
/// variable that holds it, and tokens live in Azure.Identity's own cache.
/// </summary>
internal sealed record EnvironmentProfile(
    string Name,
    string Url,
    SignIn SignIn,
    string? TenantId = null,
    string? ClientId = null,
    string? ClientSecretVariable = null);
