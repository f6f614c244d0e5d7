using System.Threading;
using System.Threading.Tasks;

namespace PropertyCrm.Cli.WebApi;

/// <summary>Where the Web API client gets its bearer token: Azure.Identity for real sign-in, a fixed token for tests and CI.</summary>
internal interface IAccessTokenSource
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>A token obtained elsewhere ($PCRM_ACCESS_TOKEN, tests). It is never refreshed.</summary>
internal sealed class StaticAccessToken : IAccessTokenSource
{
    private readonly string token;

    public StaticAccessToken(string token)
    {
        this.token = token;
    }

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(this.token);
}
