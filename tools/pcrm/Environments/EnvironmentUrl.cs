using System;
using System.Linq;
using System.Net;

namespace PropertyCrm.Cli.Environments;

/// <summary>
/// Checks an environment URL: https://&lt;org&gt;.crm&lt;N&gt;.dynamics.com (and the sovereign clouds' hosts, e.g.
/// crm.dynamics.cn operated by 21Vianet), the organization root only. http is accepted for the loopback interface
/// alone (a local test server).
/// </summary>
internal static class EnvironmentUrl
{
    private static readonly string[] DataverseHostSuffixes =
    {
        ".dynamics.com", ".dynamics.cn", ".microsoftdynamics.us", ".appsplatform.us", ".microsoftdynamics.de",
    };

    public static bool TryParse(string text, out Uri url, out string problem)
    {
        url = null!;
        problem = string.Empty;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            problem = Message(text, "不是 http(s) 绝对地址", "is not an absolute https URL");
            return false;
        }

        var loopback = parsed.IsLoopback || (IPAddress.TryParse(parsed.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (parsed.Scheme == Uri.UriSchemeHttp && !loopback)
        {
            problem = Message(text, "须使用 https", "must use https");
            return false;
        }

        if (!loopback && !DataverseHostSuffixes.Any(s => parsed.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            problem = Message(text, "不是 Dataverse 环境地址(例如 https://contoso.crm5.dynamics.com)", "is not a Dataverse environment address (e.g. https://contoso.crm5.dynamics.com)");
            return false;
        }

        if (parsed.AbsolutePath != "/" || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            problem = Message(text, "只能是组织根地址,不带路径(去掉 /main.aspx 或 /api/data/...)", "must be the organization root, without a path (drop /main.aspx or /api/data/...)");
            return false;
        }

        url = new Uri(parsed.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + "/");
        return true;
    }

    private static string Message(string text, string chinese, string english) =>
        $"环境地址 '{text}' {chinese} / The environment URL '{text}' {english}.";
}
