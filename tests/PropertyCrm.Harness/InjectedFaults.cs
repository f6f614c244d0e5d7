using System;
using System.Collections.Generic;

namespace PropertyCrm.Harness;

/// <summary>
/// The fault each <see cref="InjectedFaultKind"/> raises, with Dataverse's error code and message shape (Learn:
/// "Troubleshoot Dataverse bulk operation errors" for the SQL errors, "Service protection API limits" for the
/// service-protection errors), and which codes a client may retry.
/// </summary>
public static class InjectedFaults
{
    /// <summary>Every kind, in declaration order (what the fault-injection tests try at each call position).</summary>
    public static IReadOnlyList<InjectedFaultKind> All { get; } = (InjectedFaultKind[])Enum.GetValues(typeof(InjectedFaultKind));

    /// <summary>The fault a call raises when it is made to fail with <paramref name="kind"/>.</summary>
    public static DataverseFaultException Create(InjectedFaultKind kind) => kind switch
    {
        InjectedFaultKind.DeadlockVictim => DataverseFaultException.Create(
            DataverseErrorCodes.GenericSqlError,
            $"Sql error: Generic SQL error. CRM ErrorCode: {DataverseErrorCodes.GenericSqlError} Sql ErrorCode: -2146232060 Sql Number: 1205 " +
            "(injected: transaction was deadlocked on lock resources and chosen as the deadlock victim)."),
        InjectedFaultKind.SqlTimeout => DataverseFaultException.Create(
            DataverseErrorCodes.SqlTimeout,
            $"Sql error: SQL timeout expired. CRM ErrorCode: {DataverseErrorCodes.SqlTimeout} Sql ErrorCode: -2146232060 Sql Number: -2 (injected)."),
        InjectedFaultKind.GenericSqlError => DataverseFaultException.Create(
            DataverseErrorCodes.GenericSqlError,
            $"Sql error: Generic SQL error. CRM ErrorCode: {DataverseErrorCodes.GenericSqlError} Sql ErrorCode: -2146232060 Sql Number: 8672 (injected)."),
        InjectedFaultKind.ServiceProtectionRequests => DataverseFaultException.Create(
            DataverseErrorCodes.ServiceProtectionRequestsExceeded,
            "Number of requests exceeded the limit of 6000 over time window of 300 seconds. (injected)"),
        InjectedFaultKind.ServiceProtectionExecutionTime => DataverseFaultException.Create(
            DataverseErrorCodes.ServiceProtectionExecutionTimeExceeded,
            "Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. " +
            "Decrease number of concurrent requests or reduce the duration of requests and try again later. (injected)"),
        InjectedFaultKind.ServiceProtectionConcurrency => DataverseFaultException.Create(
            DataverseErrorCodes.ServiceProtectionConcurrencyExceeded,
            "Number of concurrent requests exceeded the limit of 52. (injected)"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Whether a client should retry a request that failed with this fault: a deadlock victim, a SQL timeout or a
    /// service-protection limit (Learn: "Retry operations"), also when a plug-in wrapped it (the platform reports the
    /// plug-in's exception, whose message carries the original one: "Sql Number: 1205", "Sql Number: -2"), or when a
    /// plug-in swallowed it and the doomed transaction was aborted (Learn: "usually caused by a swallowed SQL deadlock").
    /// A generic SQL error without a deadlock is not transient: retrying the same request may fail the same way.
    /// </summary>
    public static bool IsTransient(DataverseFaultException fault)
    {
        if (fault is null)
        {
            throw new ArgumentNullException(nameof(fault));
        }

        return fault.ErrorCode switch
        {
            DataverseErrorCodes.SqlTimeout or
            DataverseErrorCodes.ServiceProtectionRequestsExceeded or
            DataverseErrorCodes.ServiceProtectionExecutionTimeExceeded or
            DataverseErrorCodes.ServiceProtectionConcurrencyExceeded => true,
            DataverseErrorCodes.GenericSqlError => fault.Message.Contains("Sql Number: 1205", StringComparison.Ordinal),
            DataverseErrorCodes.IsvAborted or DataverseErrorCodes.Unexpected or DataverseErrorCodes.TransactionAborted => MentionsTransient(fault.Message),
            _ => false,
        };
    }

    private static bool MentionsTransient(string message) =>
        message.Contains("Sql Number: 1205", StringComparison.Ordinal) ||
        message.Contains("Sql Number: -2 ", StringComparison.Ordinal) ||
        message.Contains("Number of requests exceeded the limit", StringComparison.Ordinal) ||
        message.Contains("Combined execution time of incoming requests exceeded", StringComparison.Ordinal) ||
        message.Contains("Number of concurrent requests exceeded", StringComparison.Ordinal);
}
