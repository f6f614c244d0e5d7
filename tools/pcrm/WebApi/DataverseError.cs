using System;
using System.Net;
using System.Text.Json;

namespace PropertyCrm.Cli.WebApi;

/// <summary>
/// The platform's refusal: HTTP status plus the error object the Web API returns,
/// {"error":{"code":"0x80040217","message":"..."}} ("Compose HTTP requests and handle errors", Microsoft Learn).
/// </summary>
internal sealed class DataverseError : Exception
{
    public DataverseError(HttpStatusCode status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public HttpStatusCode Status { get; }

    public string Code { get; }

    public static DataverseError Parse(HttpStatusCode status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() ?? string.Empty : string.Empty;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
                return new DataverseError(status, code, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a gateway page): the text itself is the best description there is.
        }

        var text = body.Length > 300 ? body[..300] : body;
        return new DataverseError(status, string.Empty, string.IsNullOrWhiteSpace(text) ? status.ToString() : text.Trim());
    }

    public override string ToString() => string.IsNullOrEmpty(Code) ? $"{(int)Status} {Message}" : $"{(int)Status} {Code}: {Message}";
}
