using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PropertyCrm.Cli.WebApi;

/// <summary>
/// The Dataverse Web API (OData v4, /api/data/v9.2/) over HttpClient: bearer token, OData headers, JSON, paging
/// with @odata.nextLink, $batch change sets, and the service-protection retry (429 with Retry-After).
/// </summary>
internal sealed class DataverseClient : IDisposable
{
    /// <summary>Retries of one request refused by service protection before pcrm gives up.</summary>
    public const int MaxRetries = 5;

    private readonly HttpClient http;
    private readonly IAccessTokenSource tokens;
    private readonly CliEnvironment environment;

    public DataverseClient(Uri environmentUrl, IAccessTokenSource tokens, CliEnvironment environment)
    {
        EnvironmentUrl = environmentUrl;
        ApiRoot = new Uri(environmentUrl, "/api/data/v9.2/");
        this.tokens = tokens;
        this.environment = environment;
        this.http = new HttpClient(environment.HandlerFactory(), disposeHandler: true) { Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri EnvironmentUrl { get; }

    public Uri ApiRoot { get; }

    /// <summary>HTTP requests sent (retries included).</summary>
    public int Requests { get; private set; }

    /// <summary>Requests refused with 429 and sent again after Retry-After.</summary>
    public int ThrottledRetries { get; private set; }

    public Uri Resolve(string relative) => new(ApiRoot, relative);

    public async Task<JsonObject> GetAsync(string relative, CancellationToken cancellationToken, int? maxPageSize = null)
    {
        var text = await SendAsync(() => Request(HttpMethod.Get, Resolve(relative), maxPageSize), cancellationToken).ConfigureAwait(false);
        return ParseObject(text);
    }

    /// <summary>Every row of a collection query, following @odata.nextLink (Microsoft Learn: "Page results").</summary>
    public async Task<List<JsonObject>> GetAllAsync(string relative, int pageSize, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        Uri? next = Resolve(relative);
        while (next is not null)
        {
            var page = next;
            var text = await SendAsync(() => Request(HttpMethod.Get, page, pageSize), cancellationToken).ConfigureAwait(false);
            var body = ParseObject(text);
            if (body["value"] is JsonArray values)
            {
                foreach (var value in values)
                {
                    if (value is JsonObject row)
                    {
                        rows.Add(row);
                    }
                }
            }

            next = body["@odata.nextLink"]?.GetValue<string>() is { } link ? new Uri(link, UriKind.Absolute) : null;
        }

        return rows;
    }

    public async Task<JsonObject> PostAsync(string relative, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var text = await SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, Resolve(relative), null);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                return request;
            },
            cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : ParseObject(text);
    }

    /// <summary>
    /// Sends the operations as one $batch with one change set: all applied or none (Microsoft Learn: "Execute batch
    /// operations using the Web API"; at most 1,000 requests in a batch). Throws the first failed operation's error.
    /// </summary>
    public async Task ChangeSetAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count is 0 or > BatchOperation.MaxPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(operations), operations.Count, "A change set holds 1 to 1,000 operations.");
        }

        var batch = BatchBody.Write(this, operations);
        var text = await SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, Resolve("$batch"), null);
                request.Content = new StringContent(batch.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={batch.Boundary}");
                return request;
            },
            cancellationToken,
            acceptFailure: true).ConfigureAwait(false);
        BatchBody.ThrowFirstFailure(text);
    }

    public void Dispose() => this.http.Dispose();

    private static JsonObject ParseObject(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new DataverseError(HttpStatusCode.OK, string.Empty, "The response is not a JSON object.");

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, int? maxPageSize)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("OData-MaxVersion", "4.0");
        request.Headers.Add("OData-Version", "4.0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (maxPageSize is { } size)
        {
            request.Headers.Add("Prefer", $"odata.maxpagesize={size.ToString(CultureInfo.InvariantCulture)}");
        }

        return request;
    }

    private async Task<string> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken, bool acceptFailure = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Asked each time: the source refreshes an expiring token itself (Azure.Identity) or returns a fixed one.
            var token = await this.tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                Requests++;
                response = await this.http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw CliFailure.Usage(
                    $"无法连接环境 {EnvironmentUrl}:{e.Message}",
                    $"Cannot reach the environment {EnvironmentUrl}: {e.Message}");
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxRetries)
                {
                    // Service protection API limits (Microsoft Learn): wait the Retry-After the server gives, then resend.
                    ThrottledRetries++;
                    await this.environment.Delay(RetryAfter(response), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (response.IsSuccessStatusCode || (acceptFailure && response.StatusCode == HttpStatusCode.BadRequest && IsMultipart(response)))
                {
                    return text;
                }

                var error = DataverseError.Parse(response.StatusCode, text);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    throw new CliFailure(
                        2,
                        $"环境 {EnvironmentUrl} 拒绝了登录凭据(401):{error.Message} / The environment {EnvironmentUrl} refused the credentials (401): {error.Message}",
                        error);
                }

                throw error;
            }
        }
    }

    private static bool IsMultipart(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.RetryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        // No header: the documented minimum back-off is a few seconds; 5 s keeps us well clear.
        return TimeSpan.FromSeconds(5);
    }
}
