namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Attendance Status (报名状态) of pcrm_eventattendance.</summary>
public static class AttendanceStatus
{
    public const string Name = "pcrm_eventattendance_pcrm_attendancestatus";

    /// <summary>已报名 / Registered</summary>
    public const int Registered = 548210001;

    /// <summary>已签到 / Checked In</summary>
    public const int CheckedIn = 548210002;

    /// <summary>已取消 / Cancelled</summary>
    public const int Cancelled = 548210003;
}
