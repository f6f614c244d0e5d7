using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading.Tasks;
using PropertyCrm.Cli;
using PropertyCrm.Cli.WebApi;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>
/// One test's world: a temporary pcrm config folder and fake environments served over loopback HTTP, with the
/// token injected (no sign-in) and waits recorded instead of slept.
/// </summary>
internal sealed class WebApiWorld : IDisposable
{
    private readonly System.Collections.Generic.List<FakeWebApiServer> servers = new();

    public WebApiWorld()
    {
        Folder = Path.Combine(Path.GetTempPath(), "pcrm-webapi-" + Guid.NewGuid().ToString("N"));
        ConfigDirectory = Path.Combine(Folder, "config");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string ConfigDirectory { get; }

    /// <summary>Every wait the client asked for (Retry-After, poll interval).</summary>
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public string Token { get; set; } = FakeWebApiServer.Token;

    /// <summary>A fake environment with the plug-in catalog registered, added as profile <paramref name="name"/>.</summary>
    public FakeWebApiServer Environment(string name)
    {
        var server = new FakeWebApiServer(new FakeDataverse().WithPluginCatalog());
        this.servers.Add(server);
        var (code, _, error) = Run("env", "add", name, "--url", server.Url);
        Assert.True(code == 0, error);
        return server;
    }

    public string Path2(string relative) => Path.Combine(Folder, relative);

    public (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(ConfigDirectory, _ => new StaticAccessToken(Token))
        {
            Delay = (wait, _) =>
            {
                Waits.Enqueue(wait);
                return Task.CompletedTask;
            },
            PollInterval = TimeSpan.FromSeconds(5),
        };
        var code = Program.Run(args, output, error, environment);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        foreach (var server in this.servers)
        {
            server.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
