using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.SolutionImport;

/// <summary>How an import ended: the platform's verdict, its message, the component lines of the import job.</summary>
internal sealed record ImportOutcome(bool Succeeded, string Message, IReadOnlyList<ComponentResult> Components, int Polls);

/// <summary>
/// Imports a solution zip with the ImportSolutionAsync action (or StageAndUpgradeAsync with --upgrade), then polls
/// asyncoperations(&lt;AsyncOperationId&gt;) until it completes (statecode 3: statuscode 30 succeeded, 31 failed, 32
/// canceled) and importjobs(&lt;ImportJobKey&gt;) for progress and, at the end, the component results.
/// </summary>
internal static class SolutionImporter
{
    private const int Completed = 3;
    private const int Succeeded = 30;

    public static byte[] ReadZip(string path)
    {
        if (!File.Exists(path))
        {
            throw CliFailure.Usage($"找不到解决方案文件 {path}", $"Solution file not found: {path}");
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.GetEntry("solution.xml") is null || zip.GetEntry("customizations.xml") is null)
            {
                throw CliFailure.Usage($"{path} 不是解决方案包(缺少 solution.xml 或 customizations.xml)", $"{path} is not a solution package (no solution.xml or customizations.xml)");
            }
        }
        catch (InvalidDataException)
        {
            throw CliFailure.Usage($"{path} 不是 zip 文件", $"{path} is not a zip file");
        }

        return bytes;
    }

    public static async Task<ImportOutcome> RunAsync(DataverseClient client, byte[] zip, bool upgrade, CliEnvironment environment, Action<double, string> progress, CancellationToken cancellationToken)
    {
        var action = upgrade ? "StageAndUpgradeAsync" : "ImportSolutionAsync";
        var body = new JsonObject
        {
            ["OverwriteUnmanagedCustomizations"] = false,
            ["PublishWorkflows"] = true,
            ["CustomizationFile"] = Convert.ToBase64String(zip),
        };
        progress(0, action);
        var started = await client.PostAsync(action, body, cancellationToken).ConfigureAwait(false);
        var operationId = started["AsyncOperationId"]?.GetValue<string>() ?? throw new DataverseError(HttpStatusCode.OK, string.Empty, $"{action} returned no AsyncOperationId.");
        var jobKey = started["ImportJobKey"]?.GetValue<string>();

        var deadline = DateTimeOffset.UtcNow + environment.ImportTimeout;
        for (var polls = 1; ; polls++)
        {
            await environment.Delay(environment.PollInterval, cancellationToken).ConfigureAwait(false);
            var operation = await client.GetAsync($"asyncoperations({operationId})?$select=statecode,statuscode,message,friendlymessage", cancellationToken).ConfigureAwait(false);
            var job = jobKey is null ? null : await TryGetJobAsync(client, jobKey, "progress", cancellationToken).ConfigureAwait(false);
            var percent = job?["progress"]?.GetValue<double>() ?? 0;
            progress(percent, action);

            if (operation["statecode"]?.GetValue<int>() == Completed)
            {
                var status = operation["statuscode"]?.GetValue<int>() ?? 0;
                var final = jobKey is null ? null : await TryGetJobAsync(client, jobKey, "progress,data,solutionname", cancellationToken).ConfigureAwait(false);
                var message = operation["friendlymessage"]?.GetValue<string>() is { Length: > 0 } friendly ? friendly : operation["message"]?.GetValue<string>() ?? string.Empty;
                if (status == Succeeded)
                {
                    progress(100, action);
                }

                return new ImportOutcome(status == Succeeded, message, ImportResults.Parse(final?["data"]?.GetValue<string>()), polls);
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw CliFailure.Work(
                    $"导入在 {environment.ImportTimeout} 内未完成;它仍在环境中进行(系统作业 {operationId})",
                    $"The import did not finish within {environment.ImportTimeout}; it goes on in the environment (system job {operationId})");
            }
        }
    }

    private static async Task<JsonObject?> TryGetJobAsync(DataverseClient client, string jobKey, string select, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync($"importjobs({jobKey})?$select={select}", cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseError e) when (e.Status == HttpStatusCode.NotFound)
        {
            // The job row appears a moment after the action returns.
            return null;
        }
    }
}
