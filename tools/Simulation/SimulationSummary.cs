using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using RequestTable = PropertyCrm.Schema.Tables.ServiceRequestTable;

namespace PropertyCrm.Simulation;

/// <summary>What a run did, for the report and the summary on stdout.</summary>
public sealed class SimulationSummary
{
    private SimulationSummary(SimulationOptions options, Simulator simulator)
    {
        Options = options;
        Months = simulator.MonthsPlayed;
        Stats = simulator.Stats;
        WallTime = simulator.WallTime;
        var dataverse = simulator.Dataverse;
        var requests = dataverse.PeekAll(RequestTable.LogicalName);
        Requests = requests.Count;
        RequestsByMonthAndType = requests
            .GroupBy(r => (KpiMonth.Containing(new DateTimeOffset(DateTime.SpecifyKind(r.GetAttributeValue<DateTime>(RequestTable.Columns.CreatedOn), DateTimeKind.Utc))).ToString(), TypeName(r.GetAttributeValue<OptionSetValue>(RequestTable.Columns.RequestType)?.Value)))
            .ToDictionary(g => g.Key, g => g.Count());
        Bills = dataverse.Count(FeeBillTable.LogicalName);
        Payments = dataverse.Count(FeePaymentTable.LogicalName);
        Households = simulator.Company.Households.Count;
        PointsEntries = dataverse.Count(PointsEntryTable.LogicalName);
        Redemptions = dataverse.Count(RedemptionTable.LogicalName);
        Escalations = dataverse.Count(EscalationTable.LogicalName);
        Snapshots = dataverse.Count(KpiSnapshotTable.LogicalName);
        AllColumnsRequests = dataverse.AllColumnsRequests;
    }

    public SimulationOptions Options { get; }

    public IReadOnlyList<KpiMonth> Months { get; }

    public OperationStats Stats { get; }

    public TimeSpan WallTime { get; }

    public int Requests { get; }

    public IReadOnlyDictionary<(string Month, string Type), int> RequestsByMonthAndType { get; }

    public int Bills { get; }

    public int Payments { get; }

    public int Households { get; }

    public int PointsEntries { get; }

    public int Redemptions { get; }

    public int Escalations { get; }

    public int Snapshots { get; }

    public int AllColumnsRequests { get; }

    public double OperationsPerSecond => Stats.Operations / Math.Max(0.001, WallTime.TotalSeconds);

    public string Description => string.Format(
        CultureInfo.InvariantCulture,
        "seed {0} · {1} 个项目 properties · {2} 户 households · {3} 个月 months from {4} · {5} 报事 requests, {6} 账单 bills, {7} 缴费 payments, {8} 积分流水 points entries, {9} 兑换 redemptions, {10} 升级 escalations · {11} 快照行 snapshot rows · wall time {12:0.0} s",
        Options.Seed, Options.Properties, Households, Options.Months, Months[0], Requests, Bills, Payments, PointsEntries, Redemptions, Escalations, Snapshots, WallTime.TotalSeconds);

    public static SimulationSummary Of(SimulationOptions options, Simulator simulator) => new(options, simulator);

    /// <summary>The summary printed on stdout: wall time, operations per second, calls per operation against the budgets, the KPI table.</summary>
    public string Text(IReadOnlyList<SnapshotRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(Description);
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, "墙钟时间 wall time {0:0.0} s · {1} 次操作 operations · {2:0} 次/秒 operations per second · {3} 失败 failed · AllColumns {4}", WallTime.TotalSeconds, Stats.Operations, OperationsPerSecond, Stats.Failures, AllColumnsRequests));
        text.AppendLine();
        text.AppendLine("每次操作的插件调用 plug-in calls per operation (organization-service calls the plug-ins made):");
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, "  {0,-34} {1,7} {2,8} {3,9} {4,9} {5,14} {6,6} {7,8}", "operation", "count", "calls/op", "max reads", "max writes", "budget", "verdict", "time s"));
        foreach (var kind in Stats.Kinds)
        {
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "  {0,-34} {1,7} {2,8:0.00} {3,9} {4,9} {5,14} {6,6} {7,8:0.0}", kind.Name, kind.Count, kind.CallsPerOperation, kind.MaxReads, kind.MaxWrites, kind.BudgetText, kind.BudgetVerdict, kind.Elapsed.TotalSeconds));
            if (kind.Failures > 0)
            {
                text.AppendLine($"    {kind.Failures} failed, first: {kind.FirstFailure}");
            }
        }

        text.AppendLine();
        text.AppendLine("KPI (最后一个月 last month; 全期 whole period = Σ numerators / Σ denominators):");
        var last = Months[^1].ToString();
        foreach (var property in rows.Select(r => r.Property).Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            text.AppendLine($"  {property}");
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "    {0,-44} {1,10} {2,10} {3,10} {4,5}", "KPI", last, "period", "target", "met"));
            foreach (var group in rows.Where(r => r.Property == property).GroupBy(r => r.Kpi).OrderBy(g => g.Key))
            {
                var definition = KpiCatalog.Get(group.Key);
                var lastRow = group.FirstOrDefault(r => r.Period == last);
                var whole = definition.ValueOf(group.Sum(r => r.Numerator), group.Sum(r => r.Denominator));
                var name = definition.Chinese + " " + definition.English;
                text.AppendLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "    {0,-44} {1,10} {2,10} {3,10} {4,5}",
                    name.Length > 44 ? name.Substring(0, 44) : name,
                    KpiFormat.Value(group.Key, lastRow?.Value),
                    group.Key is KpiCode.OwnerRetention ? "—" : KpiFormat.Value(group.Key, whole),
                    KpiFormat.Target(group.Key, lastRow?.Target),
                    lastRow?.Met switch { true => "yes", false => "NO", _ => "—" }));
            }
        }

        return text.ToString();
    }

    private static string TypeName(int? type) => type switch
    {
        Choices.RequestType.Repair => "报修 repair",
        Choices.RequestType.Complaint => "投诉 complaint",
        Choices.RequestType.Inquiry => "咨询 inquiry",
        Choices.RequestType.Help => "求助 help",
        _ => "其他 other",
    };
}
