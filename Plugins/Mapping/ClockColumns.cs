using System.Linq;
using PropertyCrm.Domain.Sla;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>The columns one KPI's clock is stored in on <c>pcrm_servicerequest</c> (prefix <c>pcrm_fr…</c> / <c>pcrm_res…</c> / <c>pcrm_os…</c>).</summary>
public sealed class ClockColumns
{
    public static readonly ClockColumns FirstResponse = new(
        SlaKpi.FirstResponse,
        Columns.FirstResponseTargetMinutes,
        Columns.FirstResponseCalendar,
        Columns.FirstResponseWarningOn,
        Columns.FirstResponseDueOn,
        Columns.FirstResponseMetOn,
        Columns.FirstResponseBreachedOn,
        Columns.FirstResponseStatus,
        Columns.FirstResponsePausedMinutes,
        Columns.AcceptedOn);

    public static readonly ClockColumns Resolution = new(
        SlaKpi.Resolution,
        Columns.ResolutionTargetMinutes,
        Columns.ResolutionCalendar,
        Columns.ResolutionWarningOn,
        Columns.ResolutionDueOn,
        Columns.ResolutionMetOn,
        Columns.ResolutionBreachedOn,
        Columns.ResolutionStatus,
        Columns.ResolutionPausedMinutes,
        Columns.ResolvedOn);

    public static readonly ClockColumns OnSite = new(
        SlaKpi.OnSite,
        Columns.OnSiteTargetMinutes,
        Columns.OnSiteCalendar,
        Columns.OnSiteWarningOn,
        Columns.OnSiteDueOn,
        Columns.OnSiteMetOn,
        Columns.OnSiteBreachedOn,
        Columns.OnSiteStatus,
        Columns.OnSitePausedMinutes,
        Columns.ArrivedOn);

    /// <summary>Every clock's columns, in KPI order.</summary>
    public static readonly ClockColumns[] Each = { FirstResponse, Resolution, OnSite };

    private ClockColumns(
        SlaKpi kpi,
        string targetMinutes,
        string calendar,
        string warningOn,
        string dueOn,
        string metOn,
        string breachedOn,
        string status,
        string pausedMinutes,
        string completedBy)
    {
        Kpi = kpi;
        TargetMinutes = targetMinutes;
        Calendar = calendar;
        WarningOn = warningOn;
        DueOn = dueOn;
        MetOn = metOn;
        BreachedOn = breachedOn;
        Status = status;
        PausedMinutes = pausedMinutes;
        CompletedBy = completedBy;
    }

    public SlaKpi Kpi { get; }

    public string TargetMinutes { get; }

    public string Calendar { get; }

    public string WarningOn { get; }

    public string DueOn { get; }

    public string MetOn { get; }

    public string BreachedOn { get; }

    public string Status { get; }

    public string PausedMinutes { get; }

    /// <summary>The request timestamp that completes the KPI (accepted on, resolved on, arrived on).</summary>
    public string CompletedBy { get; }

    /// <summary>The columns of <paramref name="kpi"/>'s clock.</summary>
    public static ClockColumns For(SlaKpi kpi) => Each.Single(c => c.Kpi == kpi);

    public string[] All => new[] { TargetMinutes, Calendar, WarningOn, DueOn, MetOn, BreachedOn, Status, PausedMinutes };
}
