using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PropertyCrm.Cli.SolutionImport;
using PropertyCrm.Cli.WebApi;
using Spectre.Console;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm import --env &lt;name&gt; out/PropertyCrm_&lt;v&gt;_managed.zip [--upgrade]`: imports asynchronously, shows the
/// import job's progress, prints the component results; a failed import prints the platform's error text (exit 1).
/// </summary>
internal static class ImportCommand
{
    public static Command Build(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var env = EnvCommands.EnvOption();
        var zip = new Argument<string>("solution.zip") { Description = "the packed solution, e.g. out/PropertyCrm_1_0_0_0_managed.zip" };
        var upgrade = new Option<bool>("--upgrade") { Description = "StageAndUpgradeAsync: import as a holding solution and apply the upgrade (removes components the new version dropped)" };
        var command = new Command("import", "导入解决方案并显示进度 / import the solution into an environment, with progress") { env, zip, upgrade };
        command.SetAction(parse => WebApiConsole.Guard(error, async () =>
        {
            var bytes = SolutionImporter.ReadZip(parse.GetValue(zip)!);
            using var client = WebApiConsole.Connect(environment, parse.GetValue(env)!, error);
            var console = WebApiConsole.For(output, environment.Interactive);
            ImportOutcome outcome;
            if (environment.Interactive)
            {
                outcome = await console.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask(Path.GetFileName(parse.GetValue(zip)!), maxValue: 100);
                    return await SolutionImporter.RunAsync(client, bytes, parse.GetValue(upgrade), environment, (percent, _) => task.Value = percent, default).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                var last = -1.0;
                outcome = await SolutionImporter.RunAsync(
                    client,
                    bytes,
                    parse.GetValue(upgrade),
                    environment,
                    (percent, action) =>
                    {
                        if (percent > last)
                        {
                            last = percent;
                            output.WriteLine($"{action}: {percent.ToString("0", CultureInfo.InvariantCulture)}%");
                        }
                    },
                    default).ConfigureAwait(false);
            }

            var summary = WebApiConsole.Table("component", "succeeded", "failed");
            foreach (var kind in outcome.Components.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                WebApiConsole.AddRow(summary, kind.Key, kind.Count(c => c.Succeeded).ToString(CultureInfo.InvariantCulture), kind.Count(c => !c.Succeeded).ToString(CultureInfo.InvariantCulture));
            }

            if (outcome.Components.Count > 0)
            {
                console.Write(summary);
            }

            if (outcome.Succeeded)
            {
                output.WriteLine($"导入成功 / Import succeeded ({outcome.Components.Count} components, {outcome.Polls} polls)");
                return 0;
            }

            error.WriteLine($"导入失败:{outcome.Message} / Import failed: {outcome.Message}");
            foreach (var failed in outcome.Components.Where(c => !c.Succeeded))
            {
                error.WriteLine($"  {failed.Kind} {failed.Name}: {failed.ErrorText}");
            }

            return 1;
        }));
        return command;
    }
}
