namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Sweep job (扫描作业): <c>pcrm_sweepjob</c>. One organization-owned row per scheduled sweep kind, keyed on its name.
/// Each call of a sweep writes its row first, as SYSTEM: that write takes the row's lock, so two calls of one kind run
/// one after the other (Microsoft's pre-lock pattern on a row that exists for the purpose, instead of an update that
/// changes nothing on the swept rows). The row also tells admins when the sweep last ran and what it did.
/// </summary>
public static class SweepJobTable
{
    public const string LogicalName = "pcrm_sweepjob";

    public const string EntitySetName = "pcrm_sweepjobs";

    public const string PrimaryId = "pcrm_sweepjobid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Job name (作业名称), one of <see cref="Jobs"/>. Text (50). Required; alternate key.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Lock run (锁定运行): a fresh id written by each call to take the lock, so the write always changes a value. Text (40).</summary>
        public const string RunId = "pcrm_runid";

        /// <summary>Lock version (锁版本): incremented by every call that held the lock to its end. Whole number.</summary>
        public const string LockVersion = "pcrm_lockversion";

        /// <summary>Last started on (上次开始时间), UTC.</summary>
        public const string LastStartedOn = "pcrm_laststartedon";

        /// <summary>Last finished on (上次完成时间), UTC.</summary>
        public const string LastFinishedOn = "pcrm_lastfinishedon";

        /// <summary>Last processed (上次处理数): rows the last call handled. Whole number.</summary>
        public const string LastProcessed = "pcrm_lastprocessed";

        /// <summary>Last changed (上次变更数): escalations raised, owners changed or points expired by the last call. Whole number.</summary>
        public const string LastChanged = "pcrm_lastchanged";

        /// <summary>Last continuation (上次续扫令牌): the token the last call returned; empty when it finished. Text (100).</summary>
        public const string LastContinuation = "pcrm_lastcontinuation";
    }

    public static class MaxLengths
    {
        public const int Name = 50;

        public const int RunId = 40;

        public const int LastContinuation = 100;
    }

    /// <summary>The job names, one row each (created by the first call of the kind).</summary>
    public static class Jobs
    {
        public const string SlaSweep = "sla-sweep";

        public const string TierReview = "tier-review";

        public const string PointsExpiry = "points-expiry";

        public const string LifecycleReview = "lifecycle-review";

        public const string CarePlanner = "care-planner";
        public const string KpiSnapshot = "kpi-snapshot";
    }
}
