using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using PropertyCrm.Cli.Environments;

namespace PropertyCrm.Cli.WebApi;

/// <summary>
/// Signs in with Azure.Identity for one profile. Browser and device-code tokens go to Azure.Identity's persistent cache (named "pcrm"; the
/// platform's protected store: DPAPI on Windows, Keychain on macOS, libsecret on Linux). Browser and device-code
/// profiles also keep Azure.Identity's AuthenticationRecord (account id and tenant, no secret) so the next run signs
/// in silently from that cache.
/// </summary>
internal sealed class AzureIdentityTokens : IAccessTokenSource
{
    private readonly EnvironmentProfile profile;
    private readonly ProfileStore store;
    private readonly TextWriter messages;
    private TokenCredential? credential;

    public AzureIdentityTokens(EnvironmentProfile profile, ProfileStore store, TextWriter messages)
    {
        this.profile = profile;
        this.store = store;
        this.messages = messages;
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        // Dataverse accepts tokens for the environment URL's ".default" scope.
        var context = new TokenRequestContext(new[] { new Uri(this.profile.Url).GetLeftPart(UriPartial.Authority) + "/.default" });
        try
        {
            // One credential per run: Azure.Identity keeps the token in memory and refreshes it when it nears expiry
            // (a long import outlives the first token).
            this.credential ??= await CreateAsync(context, cancellationToken).ConfigureAwait(false);
            var token = await this.credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (CredentialUnavailableException e)
        {
            throw CliFailure.Usage($"环境 '{this.profile.Name}' 的登录方式在本机不可用:{e.Message}", $"The sign-in of environment '{this.profile.Name}' is not available here: {e.Message}");
        }
        catch (AuthenticationFailedException e)
        {
            throw CliFailure.Usage($"登录环境 '{this.profile.Name}' 失败:{e.Message}", $"Signing in to environment '{this.profile.Name}' failed: {e.Message}");
        }
    }

    private async Task<TokenCredential> CreateAsync(TokenRequestContext context, CancellationToken cancellationToken)
    {
        var cache = new TokenCachePersistenceOptions { Name = "pcrm" };
        switch (this.profile.SignIn)
        {
            case SignIn.ClientSecret:
                var variable = this.profile.ClientSecretVariable ?? string.Empty;
                var secret = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrEmpty(secret))
                {
                    throw CliFailure.Usage($"环境变量 {variable} 未设置(环境 '{this.profile.Name}' 的客户端密码)", $"The environment variable {variable} is not set (client secret of environment '{this.profile.Name}')");
                }

                // An app token is one request away: no persistent cache (CI machines often have no keyring).
                return new ClientSecretCredential(this.profile.TenantId, this.profile.ClientId, secret);
            case SignIn.ManagedIdentity:
                return new ManagedIdentityCredential(this.profile.ClientId is { } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned);
            case SignIn.DeviceCode:
                var device = new DeviceCodeCredential(new DeviceCodeCredentialOptions
                {
                    TenantId = this.profile.TenantId,
                    ClientId = this.profile.ClientId ?? DefaultPublicClientId,
                    TokenCachePersistenceOptions = cache,
                    AuthenticationRecord = LoadRecord(),
                    DeviceCodeCallback = (code, _) =>
                    {
                        this.messages.WriteLine(code.Message);
                        return Task.CompletedTask;
                    },
                });
                await RememberAccountAsync(context, device.AuthenticateAsync, cancellationToken).ConfigureAwait(false);
                return device;
            default:
                var browser = new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
                {
                    TenantId = this.profile.TenantId,
                    ClientId = this.profile.ClientId ?? DefaultPublicClientId,
                    TokenCachePersistenceOptions = cache,
                    AuthenticationRecord = LoadRecord(),
                });
                await RememberAccountAsync(context, browser.AuthenticateAsync, cancellationToken).ConfigureAwait(false);
                return browser;
        }
    }

    /// <summary>
    /// Microsoft's documented sample application id for Dataverse clients (public client, redirect http://localhost);
    /// pass --client-id for your own app registration.
    /// </summary>
    private const string DefaultPublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    private AuthenticationRecord? LoadRecord()
    {
        var path = this.store.AuthenticationRecordPath(this.profile.Name);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return AuthenticationRecord.Deserialize(stream);
    }

    private async Task RememberAccountAsync(
        TokenRequestContext context,
        Func<TokenRequestContext, CancellationToken, Task<AuthenticationRecord>> authenticate,
        CancellationToken cancellationToken)
    {
        var path = this.store.AuthenticationRecordPath(this.profile.Name);
        if (File.Exists(path))
        {
            return;
        }

        var record = await authenticate(context, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        await record.SerializeAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
