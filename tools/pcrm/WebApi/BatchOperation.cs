using System.Text.Json.Nodes;

namespace PropertyCrm.Cli.WebApi;

/// <summary>How a PATCH by key behaves (Microsoft Learn: "Use Upsert to Create or Update a record").</summary>
internal enum UpsertMode
{
    /// <summary>If-None-Match: * — create only; the row must not exist yet.</summary>
    CreateOnly,

    /// <summary>If-Match: * — update only; the row must exist.</summary>
    UpdateOnly,
}

/// <summary>One PATCH inside a $batch change set: the row's address (by alternate key) and the columns to write.</summary>
internal sealed record BatchOperation(string RelativeUrl, JsonObject Body, UpsertMode Mode)
{
    /// <summary>Dataverse accepts at most 1,000 requests in one batch.</summary>
    public const int MaxPerBatch = 1000;
}
