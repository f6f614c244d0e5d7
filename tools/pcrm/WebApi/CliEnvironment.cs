using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using PropertyCrm.Cli.Environments;

namespace PropertyCrm.Cli.WebApi;

/// <summary>
/// What the Web API commands take from the process: where profiles live, how tokens are obtained, how long to
/// wait. Tests pass their own (a temporary folder, a static token, no real waiting); `pcrm` uses <see cref="FromProcess"/>.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Overrides the profile folder (tests, CI, a second set of profiles).</summary>
    public const string ConfigDirectoryVariable = "PCRM_CONFIG_DIR";

    /// <summary>
    /// For testing and CI only: a bearer token used as is for every environment instead of signing in (e.g. one a
    /// pipeline obtained with its own federated credential). Never needed interactively.
    /// </summary>
    public const string AccessTokenVariable = "PCRM_ACCESS_TOKEN";

    public CliEnvironment(string configDirectory, Func<EnvironmentProfile, IAccessTokenSource>? tokenSourceOverride = null)
    {
        ConfigDirectory = configDirectory;
        TokenSourceOverride = tokenSourceOverride;
    }

    public string ConfigDirectory { get; }

    /// <summary>When set, replaces the sign-in of every profile (tests, CI).</summary>
    public Func<EnvironmentProfile, IAccessTokenSource>? TokenSourceOverride { get; }

    /// <summary>How the client waits before a retry (Retry-After) and between polls; tests record instead of waiting.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>Time between two polls of an asynchronous solution import.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest an import is polled before pcrm gives up waiting (the import goes on in Dataverse).</summary>
    public TimeSpan ImportTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Sends the HTTP requests; tests may wrap it to count or inspect requests.</summary>
    public Func<System.Net.Http.HttpMessageHandler> HandlerFactory { get; init; } = () => new System.Net.Http.SocketsHttpHandler();

    /// <summary>Whether a live progress bar may be drawn (a terminal), or only the final lines (tests, pipes).</summary>
    public bool Interactive { get; init; }

    public static CliEnvironment FromProcess()
    {
        var token = Environment.GetEnvironmentVariable(AccessTokenVariable);
        Func<EnvironmentProfile, IAccessTokenSource>? tokens = string.IsNullOrWhiteSpace(token)
            ? null
            : _ => new StaticAccessToken(token.Trim());
        return new CliEnvironment(DefaultConfigDirectory(Environment.GetEnvironmentVariable), tokens)
        {
            Interactive = !Console.IsOutputRedirected,
        };
    }

    /// <summary>
    /// $PCRM_CONFIG_DIR, else %APPDATA%\pcrm on Windows, else $XDG_CONFIG_HOME/pcrm, else ~/.config/pcrm (Linux and
    /// macOS alike: a command-line tool's settings, as the XDG base directory specification puts them).
    /// </summary>
    public static string DefaultConfigDirectory(Func<string, string?> variable)
    {
        var explicitDirectory = variable(ConfigDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return explicitDirectory;
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            var appData = variable("APPDATA");
            return Path.Combine(string.IsNullOrWhiteSpace(appData) ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData) : appData, "pcrm");
        }

        var xdg = variable("XDG_CONFIG_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "pcrm");
        }

        var home = variable("HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".config", "pcrm");
    }
}
