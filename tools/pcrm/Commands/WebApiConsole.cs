using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PropertyCrm.Cli.Environments;
using PropertyCrm.Cli.WebApi;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PropertyCrm.Cli.Commands;

/// <summary>What the Web API commands share: the Spectre console over the command's writer, the client for a profile, failures → exit codes.</summary>
internal static class WebApiConsole
{
    public static IAnsiConsole For(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Pipes and tests: wide enough that table rows never wrap.
            console.Profile.Width = 200;
        }

        return console;
    }

    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    public static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());

    public static DataverseClient Connect(CliEnvironment environment, string profileName, TextWriter messages)
    {
        var store = new ProfileStore(environment.ConfigDirectory);
        var profile = store.Get(profileName);
        if (!EnvironmentUrl.TryParse(profile.Url, out var url, out var problem))
        {
            throw new CliFailure(2, problem);
        }

        var tokens = environment.TokenSourceOverride?.Invoke(profile) ?? new AzureIdentityTokens(profile, store, messages);
        return new DataverseClient(url, tokens, environment);
    }

    /// <summary>Runs a command body, turning its failures into the bilingual message and exit code.</summary>
    public static int Guard(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return body().GetAwaiter().GetResult();
        }
        catch (CliFailure failure)
        {
            error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
        catch (DataverseError refused)
        {
            error.WriteLine($"Dataverse 拒绝了请求:{refused} / Dataverse refused the request: {refused}");
            return 1;
        }
        catch (TaskCanceledException)
        {
            error.WriteLine("环境在 5 分钟内没有应答 / The environment did not answer within 5 minutes.");
            return 1;
        }
        catch (System.Text.Json.JsonException e)
        {
            error.WriteLine($"环境的应答不是预期的 JSON:{e.Message} / The environment's answer is not the JSON expected: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine($"文件读写失败:{e.Message} / File access failed: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"文件读写失败:{e.Message} / File access failed: {e.Message}");
            return 2;
        }
    }
}
