namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice SLA KPI (SLA 指标). 548210000 + the domain enum value.</summary>
public static class SlaKpi
{
    public const string Name = "pcrm_slakpi";

    /// <summary>首次响应 / First response</summary>
    public const int FirstResponse = 548210000;

    /// <summary>解决 / Resolution</summary>
    public const int Resolution = 548210001;

    /// <summary>到场/初步处理 / On-site / initial handling</summary>
    public const int OnSite = 548210002;

    /// <summary>挽回 / Recovery: an escalation row of an overdue recovery case (not a request's SLA clock, so no domain <c>SlaKpi</c> value).</summary>
    public const int Recovery = 548210003;
}
