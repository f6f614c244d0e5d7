using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace PropertyCrm.Cli.WebApi;

/// <summary>
/// Writes and reads the multipart/mixed text of a $batch request with one change set, in the shape Microsoft Learn's
/// "Execute batch operations using the Web API" shows: --batch_ / --changeset_ boundaries, application/http parts with
/// Content-Transfer-Encoding: binary and Content-ID, CRLF line ends.
/// </summary>
internal static class BatchBody
{
    private const string Crlf = "\r\n";

    public static (string Boundary, string Body) Write(DataverseClient client, IReadOnlyList<BatchOperation> operations)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeSet = "changeset_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append(Crlf);
        text.Append("Content-Type: multipart/mixed; boundary=").Append(changeSet).Append(Crlf).Append(Crlf);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            text.Append("--").Append(changeSet).Append(Crlf);
            text.Append("Content-Type: application/http").Append(Crlf);
            text.Append("Content-Transfer-Encoding: binary").Append(Crlf);
            text.Append("Content-ID: ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(Crlf).Append(Crlf);
            text.Append("PATCH ").Append(client.Resolve(operation.RelativeUrl).AbsoluteUri).Append(" HTTP/1.1").Append(Crlf);
            text.Append("Content-Type: application/json").Append(Crlf);
            text.Append(operation.Mode == UpsertMode.CreateOnly ? "If-None-Match: *" : "If-Match: *").Append(Crlf).Append(Crlf);
            text.Append(operation.Body.ToJsonString()).Append(Crlf);
        }

        text.Append("--").Append(changeSet).Append("--").Append(Crlf).Append(Crlf);
        text.Append("--").Append(batch).Append("--").Append(Crlf);
        return (batch, text.ToString());
    }

    /// <summary>Finds the first "HTTP/1.1 4xx/5xx" part of a batch response and throws its error object.</summary>
    public static void ThrowFirstFailure(string response)
    {
        var lines = response.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || line.Length < 12)
            {
                continue;
            }

            var status = int.Parse(line.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            if (status < 400)
            {
                continue;
            }

            // Headers, a blank line, then the JSON error body up to the next boundary.
            var j = i + 1;
            while (j < lines.Length && lines[j].Length > 0)
            {
                j++;
            }

            var body = new StringBuilder();
            for (j++; j < lines.Length && !lines[j].StartsWith("--", StringComparison.Ordinal); j++)
            {
                body.Append(lines[j]);
            }

            throw DataverseError.Parse((HttpStatusCode)status, body.ToString());
        }
    }
}
