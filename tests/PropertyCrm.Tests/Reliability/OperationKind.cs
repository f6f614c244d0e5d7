namespace PropertyCrm.Tests.Reliability;

/// <summary>How an operation must survive a fault at one of its calls.</summary>
internal enum OperationKind
{
    /// <summary>A synchronous request: the store stays exactly as it was and the caller gets a clear error.</summary>
    Synchronous,

    /// <summary>A sweep Custom API run page by page: re-run from the last good continuation token, it ends as a run without faults.</summary>
    Sweep,

    /// <summary>An asynchronous step: the failed system job leaves nothing half-done and its retry completes it once.</summary>
    Asynchronous,
}
