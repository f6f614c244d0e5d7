using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>
/// A Dataverse Web API on the loopback interface, a thin OData adapter over the in-memory harness: the subset pcrm
/// uses, with the request and response shapes Microsoft Learn documents:
/// "Query data using the Web API" ($select, $filter eq/or, $top, $expand single-valued navigation with $select),
/// "Page results" (Prefer: odata.maxpagesize, @odata.nextLink),
/// "Use an alternate key to reference a record" (set(key=value) addressing; a lookup column in a key only as its lookup
/// property with the referenced row's GUID, set(_lookup_value=guid), the column's own name refused),
/// "Use Upsert to Create or Update a record" (PATCH; If-None-Match: * / If-Match: * → 412 / 404),
/// "Associate table rows on create/update" (nav@odata.bind),
/// "Execute batch operations using the Web API" ($batch, change sets all or nothing, batchresponse/changesetresponse),
/// "WhoAmI function", "ImportSolutionAsync action" / "StageAndUpgradeAsync action" (AsyncOperationId, ImportJobKey),
/// "asyncoperation EntityType" (statecode 3 Completed; statuscode 30 Succeeded, 31 Failed), "importjob EntityType"
/// (progress, data), "Service protection API limits" (429 with Retry-After) and "Compose HTTP requests and handle
/// errors" ({"error":{"code","message"}}).
/// </summary>
internal sealed class FakeWebApiServer : IDisposable
{
    public const string Token = "test-only-token";
    private const string ApiPrefix = "/api/data/v9.2/";

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Dictionary<Guid, ImportRun> imports = new();
    private int throttleRemaining;
    private int throttleSeconds;

    public FakeWebApiServer(FakeDataverse dataverse)
    {
        Dataverse = dataverse;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        this.listener.Prefixes.Add(Url + "/");
        this.listener.Start();
        this.loop = Task.Run(ServeAsync);
    }

    public FakeDataverse Dataverse { get; }

    public string Url { get; }

    /// <summary>Server-side page size cap (Dataverse: 5,000); small in tests to exercise @odata.nextLink.</summary>
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>"METHOD path" of every request received, $batch parts included as "  PATCH ...".</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>How the next import ends: the polls it takes (progress values) and its failure text, if any.</summary>
    public ImportScript NextImport { get; set; } = ImportScript.Succeeds;

    public void ThrottleNext(int requests, int retryAfterSeconds)
    {
        this.throttleRemaining = requests;
        this.throttleSeconds = retryAfterSeconds;
    }

    public int Count(string prefix) => Log.Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    public void Dispose()
    {
        if (this.stop.IsCancellationRequested)
        {
            return;
        }

        this.stop.Cancel();
        this.listener.Stop();
        this.listener.Close();
        try
        {
            this.loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync: that is how the loop ends.
        }
    }

    private async Task ServeAsync()
    {
        while (!this.stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await this.listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (this.stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            catch (Exception e)
            {
                Write(context.Response, 500, ODataColumns.Error("0x80040216", "Fake server error: " + e));
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var path = Uri.UnescapeDataString(request.Url!.AbsolutePath);
        Log.Enqueue($"{request.HttpMethod} {path}");
        if (request.Headers["Authorization"] != "Bearer " + Token)
        {
            context.Response.AddHeader("WWW-Authenticate", $"Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id={Url}/");
            Write(context.Response, 401, null);
            return;
        }

        if (this.throttleRemaining > 0)
        {
            this.throttleRemaining--;
            context.Response.AddHeader("Retry-After", this.throttleSeconds.ToString(CultureInfo.InvariantCulture));
            Write(context.Response, 429, ODataColumns.Error("0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds."));
            return;
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            Write(context.Response, 404, ODataColumns.Error("0x80060888", "Resource not found for the segment '" + path + "'."));
            return;
        }

        var resource = path[ApiPrefix.Length..];
        var body = new StreamReader(request.InputStream, Encoding.UTF8).ReadToEnd();
        var query = ParseQuery(request.Url.Query);
        var result = (request.HttpMethod, resource) switch
        {
            ("GET", "WhoAmI") => WhoAmI(),
            ("POST", "ImportSolutionAsync" or "StageAndUpgradeAsync") => StartImport(body),
            ("POST", "$batch") => Batch(request.ContentType ?? string.Empty, body),
            ("GET", _) => Get(resource, query, request.Headers["Prefer"], request.Url),
            ("PATCH", _) => Patch(resource, JsonNode.Parse(body)!.AsObject(), request.Headers["If-Match"], request.Headers["If-None-Match"]),
            _ => new Reply(405, ODataColumns.Error("0x80060888", "Method not allowed.")),
        };
        foreach (var (name, value) in result.Headers)
        {
            context.Response.AddHeader(name, value);
        }

        if (result.Text is not null)
        {
            WriteText(context.Response, result.Status, result.ContentType, result.Text);
        }
        else
        {
            Write(context.Response, result.Status, result.Json);
        }
    }

    private Reply WhoAmI()
    {
        var response = (WhoAmIResponse)Dataverse.Service.Execute(new WhoAmIRequest());
        return new Reply(200, new JsonObject
        {
            ["@odata.context"] = $"{Url}{ApiPrefix}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
            ["BusinessUnitId"] = response.BusinessUnitId.ToString("D"),
            ["UserId"] = response.UserId.ToString("D"),
            ["OrganizationId"] = response.OrganizationId.ToString("D"),
        });
    }

    private Reply Get(string resource, Dictionary<string, string> query, string? prefer, Uri url)
    {
        var (set, keySegment) = SplitKey(resource);
        if (set is "asyncoperations" or "importjobs")
        {
            return ImportStatus(set, Guid.Parse(keySegment!));
        }

        var table = ODataColumns.Instance.TableOf(set);
        if (table is null)
        {
            return new Reply(404, ODataColumns.Error("0x80060888", $"Resource not found for the segment '{set}'."));
        }

        var select = query.TryGetValue("$select", out var s) ? s.Split(',') : Array.Empty<string>();
        var expands = query.TryGetValue("$expand", out var e) ? ParseExpand(e) : new List<(string Nav, string[] Select)>();
        var rows = Dataverse.PeekAll(table).OrderBy(r => r.Id).ToList();
        if (keySegment is not null)
        {
            Guid? id;
            try
            {
                id = FindRow(table, keySegment);
            }
            catch (DataverseFaultException fault)
            {
                return Fault(fault);
            }

            return id is null
                ? new Reply(404, ODataColumns.Error("0x80040217", $"{table} With Ids = {keySegment} Does Not Exist"))
                : new Reply(200, Shape(table, rows.Single(r => r.Id == id), select, expands));
        }

        if (query.TryGetValue("$filter", out var filter))
        {
            var clauses = ParseFilter(table, filter);
            rows = rows.Where(r => clauses.Any(c => Equals(Normalize(r.GetAttributeValue<object>(c.Column)), Normalize(c.Value)))).ToList();
        }

        if (query.TryGetValue("$top", out var top))
        {
            rows = rows.Take(int.Parse(top, CultureInfo.InvariantCulture)).ToList();
        }

        var pageSize = MaxPageSize;
        if (prefer is not null && prefer.StartsWith("odata.maxpagesize=", StringComparison.Ordinal))
        {
            pageSize = Math.Min(pageSize, int.Parse(prefer["odata.maxpagesize=".Length..], CultureInfo.InvariantCulture));
        }

        var skip = query.TryGetValue("$skiptoken", out var token) ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var page = rows.Skip(skip).Take(pageSize).ToList();
        var result = new JsonObject
        {
            ["@odata.context"] = $"{Url}{ApiPrefix}$metadata#{set}",
            ["value"] = new JsonArray(page.Select(r => (JsonNode)Shape(table, r, select, expands)).ToArray()),
        };
        if (skip + page.Count < rows.Count)
        {
            var withoutToken = string.Join("&", query.Where(q => q.Key != "$skiptoken").Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value)));
            result["@odata.nextLink"] = $"{Url}{ApiPrefix}{set}?{withoutToken}&$skiptoken={(skip + page.Count).ToString(CultureInfo.InvariantCulture)}";
        }

        return new Reply(200, result);
    }

    private JsonObject Shape(string table, Entity row, string[] select, List<(string Nav, string[] Select)> expands)
    {
        var shaped = new JsonObject { [table + "id"] = row.Id.ToString("D") };
        foreach (var column in select)
        {
            if (column.StartsWith('_') && column.EndsWith("_value", StringComparison.Ordinal))
            {
                shaped[column] = ODataColumns.ToJson(row.GetAttributeValue<EntityReference>(column[1..^6]));
            }
            else
            {
                shaped[column] = ODataColumns.Instance.ToJson(table, column, row.Contains(column) ? row[column] : null);
            }
        }

        foreach (var (nav, targetSelect) in expands)
        {
            var reference = row.GetAttributeValue<EntityReference>(nav.ToLowerInvariant());
            var target = reference is null ? null : Dataverse.Peek(reference.LogicalName, reference.Id);
            shaped[nav] = target is null ? null : Shape(reference!.LogicalName, target, targetSelect, new List<(string, string[])>());
        }

        return shaped;
    }

    private Reply Patch(string resource, JsonObject body, string? ifMatch, string? ifNoneMatch)
    {
        var (set, keySegment) = SplitKey(resource);
        var table = ODataColumns.Instance.TableOf(set);
        if (table is null || keySegment is null)
        {
            return new Reply(404, ODataColumns.Error("0x80060888", $"Resource not found for the segment '{resource}'."));
        }

        try
        {
            var request = Upsert(table, keySegment, body, ifMatch, ifNoneMatch, out var failure);
            if (failure is not null)
            {
                return failure;
            }

            Dataverse.Service.Execute(request!);
            return new Reply(204, null);
        }
        catch (DataverseFaultException fault)
        {
            return Fault(fault);
        }
    }

    /// <summary>PATCH set(key) as an SDK request: Create (If-None-Match: *), Update (If-Match: *) or Upsert.</summary>
    private OrganizationRequest? Upsert(string table, string keySegment, JsonObject body, string? ifMatch, string? ifNoneMatch, out Reply? failure)
    {
        failure = null;
        var keys = ParseKey(table, keySegment);
        var existing = FindRow(table, keySegment);
        var entity = new Entity(table);
        foreach (var (name, value) in keys)
        {
            entity[name] = value;
        }

        foreach (var (name, value) in body)
        {
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var column = name[..^"@odata.bind".Length].ToLowerInvariant();
                entity[column] = value is null ? null : Bind(value.GetValue<string>());
            }
            else
            {
                entity[name] = ODataColumns.Instance.ToSdk(table, name, value);
            }
        }

        if (ifNoneMatch == "*")
        {
            if (existing is not null)
            {
                failure = new Reply(412, ODataColumns.Error("0x80060892", "A record with matching key values already exists."));
                return null;
            }

            return new CreateRequest { Target = entity };
        }

        if (ifMatch == "*")
        {
            if (existing is null)
            {
                failure = new Reply(404, ODataColumns.Error("0x80040217", $"{table} With Ids = {keySegment} Does Not Exist"));
                return null;
            }

            entity.Id = existing.Value;
            return new UpdateRequest { Target = entity };
        }

        if (existing is not null)
        {
            entity.Id = existing.Value;
            return new UpdateRequest { Target = entity };
        }

        return new CreateRequest { Target = entity };
    }

    private EntityReference Bind(string path)
    {
        var (set, key) = SplitKey(path.TrimStart('/'));
        var table = ODataColumns.Instance.TableOf(set) ?? throw Invalid($"Unknown entity set '{set}' in @odata.bind.");
        var id = FindRow(table, key ?? string.Empty) ?? throw new DataverseFaultException(new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040217), Message = $"{table} With Ids = {key} Does Not Exist" });
        return new EntityReference(table, id);
    }

    private Reply Batch(string contentType, string body)
    {
        var boundary = contentType.Split("boundary=")[1].Trim();
        var requests = new OrganizationRequestCollection();
        foreach (var part in Parts(body, boundary))
        {
            var inner = part.Headers.TryGetValue("content-type", out var type) && type.StartsWith("multipart/mixed", StringComparison.Ordinal) ? type.Split("boundary=")[1].Trim() : null;
            if (inner is null)
            {
                return new Reply(400, ODataColumns.Error("0x80060891", "pcrm sends change sets only."));
            }

            foreach (var operation in Parts(part.Body, inner))
            {
                var lines = operation.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                var requestLine = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var i = 1;
                for (; i < lines.Length && lines[i].Length > 0; i++)
                {
                    var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }

                var json = JsonNode.Parse(string.Join("\n", lines.Skip(i + 1)))!.AsObject();
                var url = new Uri(requestLine[1]);
                Log.Enqueue($"  {requestLine[0]} {Uri.UnescapeDataString(url.AbsolutePath)}");
                var resource = Uri.UnescapeDataString(url.AbsolutePath)[ApiPrefix.Length..];
                var (set, key) = SplitKey(resource);
                var table = ODataColumns.Instance.TableOf(set)!;
                try
                {
                    var request = Upsert(table, key!, json, headers.GetValueOrDefault("If-Match"), headers.GetValueOrDefault("If-None-Match"), out var failure);
                    if (failure is not null)
                    {
                        return BatchFailure(failure);
                    }

                    requests.Add(request!);
                }
                catch (DataverseFaultException fault)
                {
                    return BatchFailure(Fault(fault));
                }
            }
        }

        try
        {
            Dataverse.Service.Execute(new ExecuteTransactionRequest { Requests = requests, ReturnResponses = false });
        }
        catch (DataverseFaultException fault)
        {
            return BatchFailure(Fault(fault));
        }

        var batch = "batchresponse_" + Guid.NewGuid().ToString("N");
        var changeSet = "changesetresponse_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append("\r\nContent-Type: multipart/mixed; boundary=").Append(changeSet).Append("\r\n\r\n");
        for (var i = 0; i < requests.Count; i++)
        {
            text.Append("--").Append(changeSet).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ")
                .Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\nHTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\n\r\n\r\n");
        }

        text.Append("--").Append(changeSet).Append("--\r\n--").Append(batch).Append("--\r\n");
        return new Reply(200, null) { Text = text.ToString(), ContentType = "multipart/mixed; boundary=" + batch };
    }

    private static Reply BatchFailure(Reply failure)
    {
        var batch = "batchresponse_" + Guid.NewGuid().ToString("N");
        var reason = failure.Status switch { 404 => "Not Found", 412 => "Precondition Failed", _ => "Bad Request" };
        var text = $"--{batch}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 {failure.Status.ToString(CultureInfo.InvariantCulture)} {reason}\r\nContent-Type: application/json; odata.metadata=minimal\r\nOData-Version: 4.0\r\n\r\n{ODataColumns.Serialize(failure.Json!)}\r\n--{batch}--\r\n";
        return new Reply(400, null) { Text = text, ContentType = "multipart/mixed; boundary=" + batch };
    }

    private Reply StartImport(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        if (request["CustomizationFile"] is null || request["OverwriteUnmanagedCustomizations"] is null || request["PublishWorkflows"] is null)
        {
            return new Reply(400, ODataColumns.Error("0x80048d19", "Required parameters missing: OverwriteUnmanagedCustomizations, PublishWorkflows and CustomizationFile are required."));
        }

        _ = Convert.FromBase64String(request["CustomizationFile"]!.GetValue<string>());
        var operation = Guid.NewGuid();
        var job = Guid.NewGuid();
        this.imports[operation] = new ImportRun(NextImport, job);
        this.imports[job] = this.imports[operation];
        return new Reply(200, new JsonObject
        {
            ["@odata.context"] = $"{Url}{ApiPrefix}$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse",
            ["AsyncOperationId"] = operation.ToString("D"),
            ["ImportJobKey"] = job.ToString("D"),
        });
    }

    private Reply ImportStatus(string set, Guid id)
    {
        if (!this.imports.TryGetValue(id, out var run))
        {
            return new Reply(404, ODataColumns.Error("0x80040217", $"{set} With Ids = {id} Does Not Exist"));
        }

        if (set == "asyncoperations")
        {
            run.Polls++;
            var done = run.Polls >= run.Script.Progress.Count;
            var failed = done && run.Script.Failure is not null;
            return new Reply(200, new JsonObject
            {
                ["asyncoperationid"] = id.ToString("D"),
                ["statecode"] = done ? 3 : 2,
                ["statuscode"] = done ? (failed ? 31 : 30) : 20,
                ["message"] = failed ? run.Script.Failure : null,
                ["friendlymessage"] = failed ? run.Script.Failure : null,
            });
        }

        var index = Math.Min(run.Polls, run.Script.Progress.Count) - 1;
        return new Reply(200, new JsonObject
        {
            ["importjobid"] = id.ToString("D"),
            ["progress"] = index < 0 ? 0 : run.Script.Progress[index],
            ["solutionname"] = "PropertyCrm",
            ["data"] = run.Script.Data,
        });
    }

    private Guid? FindRow(string table, string keySegment)
    {
        if (Guid.TryParse(keySegment, out var id))
        {
            return Dataverse.Peek(table, id) is null ? null : id;
        }

        var keys = ParseKey(table, keySegment);
        var entity = new Entity(table);
        foreach (var (name, value) in keys)
        {
            entity.KeyAttributes[name] = value!;
        }

        // Resolved through the harness's own alternate-key check (it refuses columns that are not a defined key).
        var retrieve = new RetrieveRequest { Target = new EntityReference(table, entity.KeyAttributes), ColumnSet = new ColumnSet(false) };
        try
        {
            return ((RetrieveResponse)Dataverse.Service.Execute(retrieve)).Entity.Id;
        }
        catch (DataverseFaultException fault) when (fault.ErrorCode is DataverseErrorCodes.ObjectDoesNotExist or DataverseErrorCodes.RecordNotFoundByEntityKey)
        {
            return null;
        }
    }

    private static List<(string Name, object? Value)> ParseKey(string table, string segment)
    {
        var pairs = new List<(string, object?)>();
        var i = 0;
        while (i < segment.Length)
        {
            var equals = segment.IndexOf('=', i);
            var name = segment[i..equals];
            if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal))
            {
                // A lookup in an alternate key: its lookup property and the referenced row's GUID
                // ("Use an alternate key to reference a record": /accounts(_primarycontactid_value=<guid>)).
                var column = name[1..^"_value".Length];
                var end = segment.IndexOfAny(new[] { ',', ')' }, equals + 1) is var stop && stop >= 0 ? stop : segment.Length;
                var id = Guid.Parse(segment[(equals + 1)..end]);
                pairs.Add((column, new EntityReference(ODataColumns.Instance.LookupTarget(table, column), id)));
                i = end < segment.Length && segment[end] == ',' ? end + 1 : end;
                continue;
            }

            if (ODataColumns.Instance.TypeOf(table, name) == "lookup")
            {
                throw Invalid($"The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.{table}'. Ensure that the names and number of key properties match the declared or alternate key properties for the resource 'Microsoft.Dynamics.CRM.{table}'.");
            }

            var (literal, next) = ReadLiteral(segment, equals + 1);
            pairs.Add((name, ODataColumns.Instance.ToSdk(table, name, literal)));
            i = next < segment.Length && segment[next] == ',' ? next + 1 : next;
        }

        return pairs;
    }

    private static (JsonNode? Value, int Next) ReadLiteral(string text, int start)
    {
        if (text[start] == '\'')
        {
            var value = new StringBuilder();
            var i = start + 1;
            while (true)
            {
                if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                }
                else if (text[i] == '\'')
                {
                    return (JsonValue.Create(value.ToString()), i + 1);
                }
                else
                {
                    value.Append(text[i++]);
                }
            }
        }

        var end = start;
        while (end < text.Length && text[end] != ',' && text[end] != ')' && text[end] != ' ')
        {
            end++;
        }

        var raw = text[start..end];
        return (raw is "true" or "false" ? JsonValue.Create(raw == "true") : raw == "null" ? null : JsonValue.Create(decimal.Parse(raw, CultureInfo.InvariantCulture)), end);
    }

    private static List<(string Column, object? Value)> ParseFilter(string table, string filter)
    {
        var clauses = new List<(string, object?)>();
        var i = 0;
        while (i < filter.Length)
        {
            var space = filter.IndexOf(" eq ", i, StringComparison.Ordinal);
            var column = filter[i..space].Trim();
            var (literal, next) = ReadLiteral(filter, space + 4);
            clauses.Add((column, ODataColumns.Instance.ToSdk(table, column, literal)));
            i = filter.IndexOf(" or ", next, StringComparison.Ordinal) is var or && or >= 0 ? or + 4 : filter.Length;
        }

        return clauses;
    }

    private static object? Normalize(object? value) => value switch
    {
        OptionSetValue o => o.Value,
        Money m => m.Value,
        EntityReference r => r.Id,
        _ => value,
    };

    private static List<(string Nav, string[] Select)> ParseExpand(string expand)
    {
        var result = new List<(string, string[])>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= expand.Length; i++)
        {
            if (i == expand.Length || (expand[i] == ',' && depth == 0))
            {
                var item = expand[start..i];
                var open = item.IndexOf('(', StringComparison.Ordinal);
                var nav = open < 0 ? item : item[..open];
                var select = open < 0 ? Array.Empty<string>() : item[(open + 1)..^1].Replace("$select=", string.Empty, StringComparison.Ordinal).Split(',');
                result.Add((nav, select));
                start = i + 1;
            }
            else if (expand[i] == '(')
            {
                depth++;
            }
            else if (expand[i] == ')')
            {
                depth--;
            }
        }

        return result;
    }

    private static (string Set, string? Key) SplitKey(string resource)
    {
        var open = resource.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? (resource, null) : (resource[..open], resource[(open + 1)..^1]);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            result[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return result;
    }

    private static IEnumerable<(Dictionary<string, string> Headers, string Body)> Parts(string body, string boundary)
    {
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var chunk in text.Split("--" + boundary).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                yield break;
            }

            var content = chunk.TrimStart('\n');
            var blank = content.IndexOf("\n\n", StringComparison.Ordinal);
            var headers = content[..blank].Split('\n')
                .Select(h => h.Split(':', 2))
                .ToDictionary(h => h[0].Trim().ToLowerInvariant(), h => h[1].Trim());
            yield return (headers, content[(blank + 2)..].TrimEnd('\n'));
        }
    }

    private static Reply Fault(DataverseFaultException fault) =>
        new(400, ODataColumns.Error("0x" + fault.ErrorCode.ToString("x8", CultureInfo.InvariantCulture), fault.Detail.Message));

    private static DataverseFaultException Invalid(string message) =>
        new(new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040203), Message = message });

    private static void Write(HttpListenerResponse response, int status, JsonNode? json)
    {
        if (json is null)
        {
            response.StatusCode = status;
            response.Close();
            return;
        }

        WriteText(response, status, "application/json; odata.metadata=minimal", ODataColumns.Serialize(json));
    }

    private static void WriteText(HttpListenerResponse response, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.AddHeader("OData-Version", "4.0");
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private sealed record Reply(int Status, JsonNode? Json)
    {
        public string? Text { get; init; }

        public string ContentType { get; init; } = "application/json";

        public List<(string Name, string Value)> Headers { get; } = new();
    }

    private sealed class ImportRun
    {
        public ImportRun(ImportScript script, Guid job)
        {
            Script = script;
            Job = job;
        }

        public ImportScript Script { get; }

        public Guid Job { get; }

        public int Polls { get; set; }
    }
}

/// <summary>How a fake import goes: importjob.progress at each poll (the last poll completes it), failure text, the job's data XML.</summary>
internal sealed record ImportScript(IReadOnlyList<double> Progress, string? Failure, string Data)
{
    public static ImportScript Succeeds { get; } = new(
        new[] { 20.0, 65.0, 100.0 },
        null,
        "<importexportxml><solutionManifests><solutionManifest languagecode=\"2052\" id=\"PropertyCrm\"><result result=\"success\" errorcode=\"0\" errortext=\"\" /></solutionManifest></solutionManifests>"
        + "<entities><entity id=\"pcrm_property\" LocalizedName=\"项目\"><result result=\"success\" errorcode=\"0\" errortext=\"\" /></entity><entity id=\"pcrm_reward\" LocalizedName=\"兑换商品\"><result result=\"success\" errorcode=\"0\" errortext=\"\" /></entity></entities></importexportxml>");

    public static ImportScript Fails(string message) => new(
        new[] { 30.0, 30.0 },
        message,
        "<importexportxml><solutionManifests><solutionManifest languagecode=\"2052\" id=\"PropertyCrm\"><result result=\"failure\" errorcode=\"0x80048033\" errortext=\"" + System.Security.SecurityElement.Escape(message) + "\" /></solutionManifest></solutionManifests></importexportxml>");
}
