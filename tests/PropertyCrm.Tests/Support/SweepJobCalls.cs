namespace PropertyCrm.Tests.Support;

/// <summary>
/// What every scheduled sweep call adds to its budget since sweeps serialise on their <c>pcrm_sweepjob</c> row
/// (budget change, with its reason: the lock must be a real change on a row made for it, not an empty update of the
/// swept rows): the lock Upsert and the final Update of the job row, and one Retrieve of it under the lock.
/// </summary>
internal static class SweepJobCalls
{
    public const int Reads = 1;

    public const int Writes = 2;
}
