namespace PropertyCrm.Harness;

/// <summary>
/// The transient faults <see cref="FakeDataverse.FailCall"/> can make an organization-service call raise: the shapes
/// Dataverse returns as <c>FaultException&lt;OrganizationServiceFault&gt;</c> (codes and messages in
/// <see cref="InjectedFaults"/>; sources in the harness README, section "Fault injection").
/// </summary>
public enum InjectedFaultKind
{
    /// <summary>Generic SQL error −2147204784 (0x80044150), SQL number 1205: chosen as the deadlock victim.</summary>
    DeadlockVictim,

    /// <summary>SQL timeout expired −2147204783 (0x80044151), SQL number −2.</summary>
    SqlTimeout,

    /// <summary>Generic SQL error −2147204784 (0x80044150) without a deadlock.</summary>
    GenericSqlError,

    /// <summary>Service protection: number of requests −2147015902 (0x80072322).</summary>
    ServiceProtectionRequests,

    /// <summary>Service protection: combined execution time −2147015903 (0x80072321).</summary>
    ServiceProtectionExecutionTime,

    /// <summary>Service protection: concurrent requests −2147015898 (0x80072326).</summary>
    ServiceProtectionConcurrency,
}
