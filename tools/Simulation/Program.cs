using System;
using System.IO;
using System.Text;

namespace PropertyCrm.Simulation;

/// <summary>`pcrm simulate` (pcrm starts this program): builds, plays and reports one simulated company.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (!SimulationOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("usage: ./pcrm simulate [--seed N] [--properties 2] [--units 1200] [--months 12] [--start 2025-01] [--out out/simulation]");
            return 2;
        }

        var simulator = new Simulator(options);
        simulator.Run(new Progress(Console.Error, options.Progress && !Console.IsErrorRedirected));
        simulator.HarvestAsyncFailures();
        var summary = SimulationSummary.Of(options, simulator);
        var rows = SnapshotRow.ReadAll(simulator.Dataverse);

        var outDir = Path.GetFullPath(options.Out);
        Directory.CreateDirectory(outDir);
        var report = Path.Combine(outDir, "report.html");
        File.WriteAllText(report, ReportWriter.Html(summary, rows), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(outDir, "kpi-snapshots.csv"), SnapshotExport.Csv(rows), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(outDir, "kpi-snapshots.json"), SnapshotExport.Json(rows), new UTF8Encoding(false));

        Console.Out.Write(summary.Text(rows));
        Console.Out.WriteLine();
        Console.Out.WriteLine($"写入 written: {report}");
        Console.Out.WriteLine($"写入 written: {Path.Combine(outDir, "kpi-snapshots.csv")}");
        Console.Out.WriteLine($"写入 written: {Path.Combine(outDir, "kpi-snapshots.json")}");
        return simulator.Stats.Failures == 0 ? 0 : 1;
    }
}
