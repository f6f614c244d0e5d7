using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PropertyCrm.Cli.ConfigurationData;
using PropertyCrm.Cli.WebApi;
using Spectre.Console;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm data pull --env &lt;name&gt; --out config/` and `pcrm data push --env &lt;name&gt; config/ [--dry-run]`: the
/// configuration tables as one readable JSON file per table, moved between environments by alternate key.
/// </summary>
internal static class DataCommands
{
    public static Command Build(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var data = new Command("data", "配置数据 / configuration data between environments (pull, push)");
        data.Subcommands.Add(Pull(environment, output, error));
        data.Subcommands.Add(Push(environment, output, error));
        return data;
    }

    private static Option<string[]> TableOption() => new("--table") { Description = $"only these tables (repeat the option); known: {ConfigurationTables.Names}", AllowMultipleArgumentsPerToken = false };

    private static Command Pull(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var env = EnvCommands.EnvOption();
        var outDir = new Option<string>("--out") { Description = "folder for the <table>.json files", Required = true };
        var tables = TableOption();
        var command = new Command("pull", "把配置表读成 JSON 文件 / read the configuration tables into JSON files") { env, outDir, tables };
        command.SetAction(parse => WebApiConsole.Guard(error, async () =>
        {
            var chosen = Choose(parse.GetValue(tables), ConfigurationTables.All);
            using var client = WebApiConsole.Connect(environment, parse.GetValue(env)!, error);

            // Read everything first: a failure half-way leaves the folder as it was.
            var files = new List<(ConfigTable Table, string Text, int Rows)>();
            foreach (var table in chosen)
            {
                var rows = await ConfigReader.ReadAsync(client, table, default).ConfigureAwait(false);
                files.Add((table, ConfigFile.Write(table, rows), rows.Count));
            }

            var folder = parse.GetValue(outDir)!;
            Directory.CreateDirectory(folder);
            var summary = WebApiConsole.Table("table", "rows", "file");
            foreach (var (table, text, rows) in files)
            {
                var path = Path.Combine(folder, table.FileName);
                File.WriteAllText(path, text, new UTF8Encoding(false));
                WebApiConsole.AddRow(summary, table.LogicalName, rows.ToString(CultureInfo.InvariantCulture), path);
            }

            WebApiConsole.For(output, environment.Interactive).Write(summary);
            output.WriteLine($"{client.Requests} requests");
            return 0;
        }));
        return command;
    }

    private static Command Push(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var env = EnvCommands.EnvOption();
        var folder = new Argument<string?>("folder") { Description = "folder with <table>.json files (from pcrm data pull)", Arity = ArgumentArity.ZeroOrOne };
        var dryRun = new Option<bool>("--dry-run") { Description = "print what would change, write nothing" };
        var sample = new Option<bool>("--sample") { Description = "push a small sample company instead of a folder (a demo or training environment): pcrm simulate's generator (2 properties, 40 units, synthetic owners and occupancies, rewards) with the built-in calendars and default earning rules" };
        var tables = TableOption();
        var command = new Command("push", "按键写入(新建/更新)配置表 / upsert configuration files by key into an environment") { env, folder, dryRun, sample, tables };
        command.SetAction(parse => WebApiConsole.Guard(error, async () =>
        {
            // A push takes what the folder holds (or the whole sample); --table narrows it.
            var chosen = Choose(parse.GetValue(tables), ConfigurationTables.Known);
            var source = parse.GetValue(folder);
            if ((source is null) == !parse.GetValue(sample))
            {
                throw CliFailure.Usage("请给出配置文件夹或 --sample(二者选一)", "Give a configuration folder or --sample (one of them)");
            }

            var files = source is null
                ? SampleConfiguration.Rows().Where(f => chosen.Contains(f.Table)).OrderBy(f => ConfigurationTables.Known.ToList().IndexOf(f.Table)).ToList()
                : ReadFolder(source, chosen);
            using var client = WebApiConsole.Connect(environment, parse.GetValue(env)!, error);
            var plans = await ConfigPush.PlanAsync(client, files, default).ConfigureAwait(false);
            var checkedLookups = await ConfigPush.ResolveLookupsAsync(client, plans, default).ConfigureAwait(false);
            var console = WebApiConsole.For(output, environment.Interactive);
            if (parse.GetValue(dryRun))
            {
                WriteDiff(output, plans);
            }
            else
            {
                var stages = ConfigPush.Stages(plans);
                var total = plans.Sum(p => p.Created.Count + p.Updated.Count);
                Func<Action<int>, Task> write = async progress =>
                {
                    var done = 0;
                    foreach (var stage in stages)
                    {
                        // Later stages name rows the stages before them created: their GUIDs exist only now.
                        var resolved = stages.Count == 1 ? checkedLookups : await ConfigPush.ResolveLookupsAsync(client, stage, default, Array.Empty<TablePlan>()).ConfigureAwait(false);
                        var batches = ConfigPush.Batches(ConfigPush.Operations(stage, resolved));
                        var before = done;
                        await SendAsync(client, batches, sent => progress(before + sent)).ConfigureAwait(false);
                        done += batches.Sum(b => b.Length);
                    }
                };
                if (environment.Interactive && total > 0)
                {
                    await console.Progress().StartAsync(async context =>
                    {
                        var task = context.AddTask("$batch", maxValue: total);
                        await write(done => task.Value = done).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                }
                else
                {
                    await write(_ => { }).ConfigureAwait(false);
                }
            }

            var summary = WebApiConsole.Table("table", "created", "updated", "unchanged", "only in environment");
            foreach (var plan in plans)
            {
                WebApiConsole.AddRow(summary, plan.Table.LogicalName, Count(plan.Created.Count), Count(plan.Updated.Count), Count(plan.Unchanged), Count(plan.OnlyInTarget));
            }

            console.Write(summary);
            output.WriteLine(parse.GetValue(dryRun)
                ? $"演练,未写入 / dry run, nothing written ({client.Requests} requests)"
                : $"已写入 / written ({client.Requests} requests, {client.ThrottledRetries} throttled retries)");
            return 0;
        }));
        return command;
    }

    private static async Task SendAsync(DataverseClient client, IReadOnlyList<BatchOperation[]> batches, Action<int> progress)
    {
        var done = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            try
            {
                await client.ChangeSetAsync(batches[i], default).ConfigureAwait(false);
            }
            catch (DataverseError refused)
            {
                throw CliFailure.Work(
                    $"第 {i + 1}/{batches.Count} 批被拒绝(该批未写入,之前 {i} 批已写入):{refused}",
                    $"Batch {i + 1} of {batches.Count} was refused (nothing of it written; the {i} before it were): {refused}");
            }

            done += batches[i].Length;
            progress(done);
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<ConfigTable> Choose(string[]? names, IReadOnlyList<ConfigTable> all)
    {
        if (names is null || names.Length == 0)
        {
            return all;
        }

        return names.Select(n => ConfigurationTables.Find(n) ?? throw UnknownTable(n)).Distinct().ToList();
    }

    private static CliFailure UnknownTable(string name) =>
        CliFailure.Usage($"未知的配置表 '{name}'(可用:{ConfigurationTables.Names})", $"Unknown configuration table '{name}' (known: {ConfigurationTables.Names})");

    /// <summary>Every &lt;table&gt;.json of the folder, checked before anything is sent: an unknown table or a bad file stops the push.</summary>
    private static List<(ConfigTable Table, List<JsonObject> Rows)> ReadFolder(string folder, IReadOnlyList<ConfigTable> chosen)
    {
        if (!Directory.Exists(folder))
        {
            throw CliFailure.Usage($"找不到文件夹 {folder}", $"Folder not found: {folder}");
        }

        var byTable = new Dictionary<ConfigTable, string>();
        foreach (var path in Directory.GetFiles(folder, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var table = ConfigurationTables.Find(Path.GetFileNameWithoutExtension(path)) ?? throw UnknownTable(Path.GetFileNameWithoutExtension(path));
            byTable[table] = path;
        }

        if (byTable.Count == 0)
        {
            throw CliFailure.Usage($"{folder} 中没有 <表>.json 文件", $"{folder} holds no <table>.json files");
        }

        return ConfigurationTables.Known
            .Where(t => chosen.Contains(t) && byTable.ContainsKey(t))
            .Select(t => (t, ConfigFile.Read(t, byTable[t])))
            .ToList();
    }

    private static void WriteDiff(TextWriter output, IReadOnlyList<TablePlan> plans)
    {
        foreach (var plan in plans.Where(p => p.Created.Count + p.Updated.Count > 0))
        {
            output.WriteLine($"{plan.Table.LogicalName}:");
            foreach (var row in plan.Created)
            {
                output.WriteLine($"  + {row.KeyText}");
                foreach (var change in row.Changes)
                {
                    output.WriteLine($"      {change.Column}: {ConfigValues.Display(change.After)}");
                }
            }

            foreach (var row in plan.Updated)
            {
                output.WriteLine($"  ~ {row.KeyText}");
                foreach (var change in row.Changes)
                {
                    output.WriteLine($"      {change.Column}: {ConfigValues.Display(change.Before)} -> {ConfigValues.Display(change.After)}");
                }
            }
        }
    }
}
