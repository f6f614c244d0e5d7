using System.Diagnostics;
using System.IO;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Builds the deployable assemblies: `dotnet build -c Release -f net462` of Plugins and WorkflowActivities.</summary>
internal static class ReleaseBuilder
{
    /// <summary>Builds both projects; returns false (after writing the build output) when one fails.</summary>
    public static bool Build(RepositoryLayout layout, TextWriter output, TextWriter error)
    {
        foreach (var project in new[] { layout.PluginsProject, layout.WorkflowActivitiesProject })
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = layout.Root,
            };
            foreach (var argument in new[] { "build", project, "-c", "Release", "-f", "net462", "--nologo", "-v", "q" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error.WriteLine($"构建失败 / build failed: {Path.GetFileName(project)}");
                error.Write(stdout.Result);
                error.Write(stderr);
                return false;
            }

            output.WriteLine($"      built {Path.GetFileName(project)}");
        }

        return true;
    }
}
