using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using PropertyCrm.Cli.Packaging;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm simulate [--seed N] [--properties 2] [--units 1200] [--months 12] [--start 2025-01] [--out out/simulation]`:
/// builds and runs tools/Simulation (a synthetic company played through the real plug-ins on the in-memory Dataverse),
/// which writes report.html, kpi-snapshots.csv and kpi-snapshots.json and prints the summary. The simulation is its own
/// program because it references the test harness, and the harness references pcrm (for the solution metadata): pcrm
/// cannot reference it back. Its progress bar goes to this terminal's stderr; its summary comes through stdout.
/// </summary>
internal sealed class SimulateCommand : ICommand
{
    private const string Project = "tools/Simulation/PropertyCrm.Simulation.csproj";
    private const string Assembly = "tools/Simulation/bin/Release/net10.0/PropertyCrm.Simulation.dll";

    public string Name => "simulate";

    public string Summary => "synthetic company through the real plug-ins: [--seed N] [--properties 2] [--units 1200] [--months 12] [--start 2025-01] [--out out/simulation]";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("seed", "random seed (default 20250101)"),
        new CommandOption("properties", "properties, 1-50 (default 2)"),
        new CommandOption("units", "units in the whole company (default 1200)"),
        new CommandOption("months", "months to play, 1-24 (default 12)"),
        new CommandOption("start", "first month, yyyy-MM within 2025-2026 (default 2025-01)"),
        new CommandOption("out", "folder for report.html and the KPI snapshots (default out/simulation)"),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        RepositoryLayout layout;
        try
        {
            layout = RepositoryLayout.Find();
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }

        var build = Start(layout, redirectError: true, "build", Path.Combine(layout.Root, Project), "-c", "Release", "--nologo", "-v", "q");
        using (var process = Process.Start(build)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error.WriteLine("构建失败 / build failed: " + Project);
                error.Write(stdout.Result);
                error.Write(stderr);
                return 1;
            }
        }

        var arguments = new List<string> { Path.Combine(layout.Root, Assembly) };
        arguments.AddRange(args);
        var run = Start(layout, redirectError: false, arguments.ToArray());
        run.WorkingDirectory = Directory.GetCurrentDirectory();
        using var simulation = Process.Start(run)!;
        string? line;
        while ((line = simulation.StandardOutput.ReadLine()) is not null)
        {
            output.WriteLine(line);
        }

        simulation.WaitForExit();
        return simulation.ExitCode;
    }

    private static ProcessStartInfo Start(RepositoryLayout layout, bool redirectError, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = redirectError,
            WorkingDirectory = layout.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
