using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Schema.Tables;
using static PropertyCrm.Plugins.Logic.Kpis.KpiFetch;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable;

namespace PropertyCrm.Plugins.Logic.Kpis;

/// <summary>
/// Counts each KPI of one property and month with FetchXML aggregates, exactly as the README's KPI table defines them.
/// </summary>
/// <remarks>
/// <b>Calls.</b> Per property and month: 22 aggregate queries (requests ×13, 回访 ×2, recovery cases ×1, bills ×2, owners
/// with points ×1, owners checked in ×1, suggestions ×2); per property once per call 3 more (households, owners, churned owners: <see cref="PropertyFacts"/>);
/// no row is read.
/// </remarks>
public sealed class KpiCounter
{
    private readonly IOrganizationService service;

    public KpiCounter(IOrganizationService service)
    {
        this.service = Guard.NotNull(service, nameof(service));
    }

    /// <summary>Households and owners of a property (as of the computation), read once per property and call.</summary>
    public sealed record PropertyFacts(decimal Households, decimal Owners, decimal ChurnedOwners);

    public PropertyFacts ReadPropertyFacts(Guid property)
    {
        var households = Single(service, $@"<fetch aggregate='true'>
  <entity name='{UnitTable.LogicalName}'>
    <attribute name='{UnitTable.PrimaryId}' alias='n' aggregate='count' />
    <filter>{Condition(UnitTable.Columns.Property, "eq", property)}{Condition(UnitTable.Columns.StateCode, "eq", 0)}</filter>
  </entity>
</fetch>", "n");
        var owners = Single(service, OwnersFetch(property, null), "n");
        var churned = Single(service, OwnersFetch(property, Choices.LifecycleStage.Churned), "n");
        return new PropertyFacts(households, owners, churned);
    }

    /// <summary>Every KPI whose data exists, for <paramref name="property"/> in <paramref name="month"/>.</summary>
    public IReadOnlyList<KpiCount> Count(Guid property, KpiMonth month, PropertyFacts facts)
    {
        Guard.NotNull(month, nameof(month));
        Guard.NotNull(facts, nameof(facts));
        var counts = new List<KpiCount>();
        var logged = LoggedIn(property, month);

        counts.Add(ClockRate(KpiCode.FirstResponseOnTime, Requests.Columns.FirstResponseStatus, logged));
        counts.Add(ClockRate(KpiCode.OnSiteOnTime, Requests.Columns.OnSiteStatus, logged));
        counts.Add(ClockRate(KpiCode.RepairOnTime, Requests.Columns.ResolutionStatus, logged + Condition(Requests.Columns.RequestType, "eq", Choices.RequestType.Repair)));

        // 解决率 and 投诉解决率: one query for all logged, one for the resolved; both by request type.
        var notCancelled = logged + Condition(Requests.Columns.StatusCode, "ne", Requests.StatusReasons.Cancelled);
        var all = ByType(notCancelled);
        var resolved = ByType(notCancelled + Condition(Requests.Columns.ResolvedOn, "not-null"));
        counts.Add(ResponseMinutes(notCancelled));
        counts.Add(new KpiCount(KpiCode.Resolution, resolved.Values.Sum(), all.Values.Sum()));
        counts.Add(new KpiCount(
            KpiCode.ComplaintResolution,
            resolved.TryGetValue(Choices.RequestType.Complaint, out var c1) ? c1 : 0m,
            all.TryGetValue(Choices.RequestType.Complaint, out var c2) ? c2 : 0m));

        var repeats = CountRequests(notCancelled + Condition(Requests.Columns.RepeatOf, "not-null"));
        counts.Add(new KpiCount(KpiCode.RepeatRequests, repeats, all.Values.Sum()));

        var valid = CountRequests(notCancelled
            + Condition(Requests.Columns.RequestType, "eq", Choices.RequestType.Complaint)
            + Condition(Requests.Columns.ValidComplaint, "eq", 1));
        counts.Add(new KpiCount(KpiCode.ValidComplaintRate, valid, facts.Households));

        // 回访率: requests resolved in the month, followed up (at any time since).
        var resolvedInMonth = Condition(Requests.Columns.Property, "eq", property) + Between(Requests.Columns.ResolvedOn, month);
        counts.Add(new KpiCount(
            KpiCode.FollowUp,
            CountRequests(resolvedInMonth + Condition(Requests.Columns.FollowUpOn, "not-null")),
            CountRequests(resolvedInMonth)));

        // 满意率 / 平均满意度: answers recorded at follow-ups in the month, one group per level.
        var answers = Run(service, $@"<fetch aggregate='true'>
  <entity name='{Requests.LogicalName}'>
    <attribute name='{Requests.Columns.Satisfaction}' alias='level' groupby='true' />
    <attribute name='{Requests.PrimaryId}' alias='n' aggregate='count' />
    <filter>{Condition(Requests.Columns.Property, "eq", property)}{Between(Requests.Columns.FollowUpOn, month)}{Condition(Requests.Columns.Satisfaction, "not-null")}</filter>
  </entity>
</fetch>");
        decimal answered = 0m, satisfied = 0m, scoreSum = 0m;
        foreach (var row in answers)
        {
            var level = GroupCode(row, "level");
            var n = Number(row, "n");
            if (level is null)
            {
                continue;
            }

            var score = level.Value - Choices.Satisfaction.VeryDissatisfied + 1;
            answered += n;
            scoreSum += score * n;
            satisfied += score >= 4 ? n : 0m;
        }

        counts.Add(new KpiCount(KpiCode.SatisfactionRate, satisfied, answered));
        counts.Add(new KpiCount(KpiCode.AverageSatisfaction, scoreSum, answered));

        counts.AddRange(FollowUpCounts(property, month));
        counts.AddRange(ClosedRequestCounts(property, month));
        counts.Add(RecoveryCount(property, month));

        counts.Add(Collection(KpiCode.FeeCollection, property, month.FirstDay, month.Next().FirstDay));
        counts.Add(Collection(KpiCode.FeeCollectionYearToDate, property, month.YearFirstDay, month.Next().FirstDay));

        counts.Add(new KpiCount(KpiCode.OwnerRetention, facts.Owners - facts.ChurnedOwners, facts.Owners));
        counts.Add(new KpiCount(KpiCode.PointsActivity, OwnersWithPoints(property, month), facts.Owners));
        counts.Add(new KpiCount(KpiCode.EventParticipation, OwnersCheckedIn(property, month), facts.Owners));
        counts.AddRange(SuggestionCounts(property, month));
        counts.Add(RetentionCount(property, month));
        return counts;
    }

    /// <summary>NPS and the SERVQUAL averages from the 回访 completed in the month (pcrm_followup, completed on).</summary>
    private IEnumerable<KpiCount> FollowUpCounts(Guid property, KpiMonth month)
    {
        var done = Condition(FollowUpTable.Columns.Property, "eq", property) + Between(FollowUpTable.Columns.CompletedOn, month);
        decimal promoters = 0m, detractors = 0m, answered = 0m;
        foreach (var row in Run(service, $@"<fetch aggregate='true'>
  <entity name='{FollowUpTable.LogicalName}'>
    <attribute name='{FollowUpTable.Columns.Nps}' alias='score' groupby='true' />
    <attribute name='{FollowUpTable.PrimaryId}' alias='n' aggregate='count' />
    <filter>{done}{Condition(FollowUpTable.Columns.Nps, "not-null")}</filter>
  </entity>
</fetch>"))
        {
            if (GroupCode(row, "score") is not int score)
            {
                continue;
            }

            var n = Number(row, "n");
            answered += n;
            promoters += score >= 9 ? n : 0m;
            detractors += score <= 6 ? n : 0m;
        }

        yield return new KpiCount(KpiCode.Nps, promoters - detractors, answered);

        var dimensions = new[]
        {
            new KeyValuePair<KpiCode, string>(KpiCode.ServqualReliability, FollowUpTable.Columns.SqReliability),
            new KeyValuePair<KpiCode, string>(KpiCode.ServqualResponsiveness, FollowUpTable.Columns.SqResponsiveness),
            new KeyValuePair<KpiCode, string>(KpiCode.ServqualAssurance, FollowUpTable.Columns.SqAssurance),
            new KeyValuePair<KpiCode, string>(KpiCode.ServqualEmpathy, FollowUpTable.Columns.SqEmpathy),
            new KeyValuePair<KpiCode, string>(KpiCode.ServqualTangibles, FollowUpTable.Columns.SqTangibles),
        };
        var columns = string.Concat(dimensions.Select((d, i) =>
            $"<attribute name='{d.Value}' alias='s{i}' aggregate='sum' /><attribute name='{d.Value}' alias='c{i}' aggregate='countcolumn' />"));
        var sums = Run(service, $@"<fetch aggregate='true'>
  <entity name='{FollowUpTable.LogicalName}'>
    {columns}
    <filter>{done}</filter>
  </entity>
</fetch>");
        for (var i = 0; i < dimensions.Length; i++)
        {
            yield return sums.Count == 0
                ? new KpiCount(dimensions[i].Key, 0m, 0m)
                : new KpiCount(dimensions[i].Key, Number(sums[0], "s" + i), Number(sums[0], "c" + i));
        }
    }

    /// <summary>一次解决率 and 返工率 over the requests closed in the month (after their 回访).</summary>
    private IEnumerable<KpiCount> ClosedRequestCounts(Guid property, KpiMonth month)
    {
        var closed = Condition(Requests.Columns.Property, "eq", property) + Between(Requests.Columns.ClosedOn, month);
        var all = CountRequests(closed);
        yield return new KpiCount(KpiCode.FirstTimeFix, CountRequests(closed + Condition(Requests.Columns.FirstTimeFix, "eq", 1)), all);
        yield return new KpiCount(KpiCode.Rework, CountRequests(closed + Condition(Requests.Columns.ReopenCount, "gt", 0)), all);
    }

    /// <summary>挽回率: recovery cases closed in the month with an outcome; recovered ones count.</summary>
    private KpiCount RecoveryCount(Guid property, KpiMonth month)
    {
        decimal recovered = 0m, total = 0m;
        foreach (var row in Run(service, $@"<fetch aggregate='true'>
  <entity name='{RecoveryCaseTable.LogicalName}'>
    <attribute name='{RecoveryCaseTable.Columns.Outcome}' alias='outcome' groupby='true' />
    <attribute name='{RecoveryCaseTable.PrimaryId}' alias='n' aggregate='count' />
    <filter>{Condition(RecoveryCaseTable.Columns.Property, "eq", property)}{Between(RecoveryCaseTable.Columns.ClosedOn, month)}{Condition(RecoveryCaseTable.Columns.Outcome, "not-null")}</filter>
  </entity>
</fetch>"))
        {
            var n = Number(row, "n");
            total += n;
            recovered += GroupCode(row, "outcome") == Choices.RecoveryOutcome.Recovered ? n : 0m;
        }

        return new KpiCount(KpiCode.Recovery, recovered, total);
    }

    /// <summary>挽留率: retention cases (pcrm_retentioncase) closed in the month with an outcome; retained ones count.</summary>
    private KpiCount RetentionCount(Guid property, KpiMonth month)
    {
        decimal retained = 0m, total = 0m;
        foreach (var row in Run(service, $@"<fetch aggregate='true'>
  <entity name='{RetentionCaseTable.LogicalName}'>
    <attribute name='{RetentionCaseTable.Columns.Outcome}' alias='outcome' groupby='true' />
    <attribute name='{RetentionCaseTable.PrimaryId}' alias='n' aggregate='count' />
    <filter>{Condition(RetentionCaseTable.Columns.Property, "eq", property)}{Between(RetentionCaseTable.Columns.ClosedOn, month)}{Condition(RetentionCaseTable.Columns.Outcome, "not-null")}</filter>
  </entity>
</fetch>"))
        {
            var n = Number(row, "n");
            total += n;
            retained += GroupCode(row, "outcome") == Choices.RetentionOutcome.Retained ? n : 0m;
        }

        return new KpiCount(KpiCode.RetentionCaseSuccess, retained, total);
    }

    private static string LoggedIn(Guid property, KpiMonth month) =>
        Condition(Requests.Columns.Property, "eq", property) + Between(Requests.Columns.CreatedOn, month);

    private static string Between(string attribute, KpiMonth month) =>
        Condition(attribute, "ge", Instant(month.StartUtc)) + Condition(attribute, "lt", Instant(month.EndUtc));

    /// <summary>平均响应时长: Σ response minutes ÷ the requests that have them (受理 recorded), one sum-and-count aggregate.</summary>
    private KpiCount ResponseMinutes(string filter)
    {
        var rows = Run(service, $@"<fetch aggregate='true'>
  <entity name='{Requests.LogicalName}'>
    <attribute name='{Requests.Columns.ResponseMinutes}' alias='sum' aggregate='sum' />
    <attribute name='{Requests.Columns.ResponseMinutes}' alias='n' aggregate='countcolumn' />
    <filter>{filter}{Condition(Requests.Columns.ResponseMinutes, "not-null")}</filter>
  </entity>
</fetch>");
        return rows.Count == 0
            ? new KpiCount(KpiCode.AverageResponseMinutes, 0m, 0m)
            : new KpiCount(KpiCode.AverageResponseMinutes, Number(rows[0], "sum"), Number(rows[0], "n"));
    }

    /// <summary>Met ÷ (met + breached) of one SLA clock; clocks still running or paused are not counted yet.</summary>
    private KpiCount ClockRate(KpiCode code, string statusColumn, string filter)
    {
        var rows = Run(service, $@"<fetch aggregate='true'>
  <entity name='{Requests.LogicalName}'>
    <attribute name='{statusColumn}' alias='status' groupby='true' />
    <attribute name='{Requests.PrimaryId}' alias='n' aggregate='count' />
    <filter>{filter}{In(statusColumn, Choices.SlaStatus.Met, Choices.SlaStatus.Breached)}</filter>
  </entity>
</fetch>");
        decimal met = 0m, total = 0m;
        foreach (var row in rows)
        {
            var n = Number(row, "n");
            total += n;
            met += GroupCode(row, "status") == Choices.SlaStatus.Met ? n : 0m;
        }

        return new KpiCount(code, met, total);
    }

    private Dictionary<int, decimal> ByType(string filter)
    {
        var result = new Dictionary<int, decimal>();
        foreach (var row in Run(service, $@"<fetch aggregate='true'>
  <entity name='{Requests.LogicalName}'>
    <attribute name='{Requests.Columns.RequestType}' alias='type' groupby='true' />
    <attribute name='{Requests.PrimaryId}' alias='n' aggregate='count' />
    <filter>{filter}</filter>
  </entity>
</fetch>"))
        {
            var type = GroupCode(row, "type") ?? 0;
            result[type] = (result.TryGetValue(type, out var n) ? n : 0m) + Number(row, "n");
        }

        return result;
    }

    private decimal CountRequests(string filter) => Single(service, $@"<fetch aggregate='true'>
  <entity name='{Requests.LogicalName}'>
    <attribute name='{Requests.PrimaryId}' alias='n' aggregate='count' />
    <filter>{filter}</filter>
  </entity>
</fetch>", "n");

    /// <summary>Paid ÷ due of the bills of the property's units whose period starts in [from, to).</summary>
    private KpiCount Collection(KpiCode code, Guid property, DateTime from, DateTime to)
    {
        var rows = Run(service, $@"<fetch aggregate='true'>
  <entity name='{FeeBillTable.LogicalName}'>
    <attribute name='{FeeBillTable.Columns.AmountDue}' alias='due' aggregate='sum' />
    <attribute name='{FeeBillTable.Columns.AmountPaid}' alias='paid' aggregate='sum' />
    <filter>{Condition(FeeBillTable.Columns.PeriodStart, "ge", Date(from))}{Condition(FeeBillTable.Columns.PeriodStart, "lt", Date(to))}</filter>
    <link-entity name='{UnitTable.LogicalName}' from='{UnitTable.PrimaryId}' to='{FeeBillTable.Columns.Unit}' link-type='inner'>
      <filter>{Condition(UnitTable.Columns.Property, "eq", property)}</filter>
    </link-entity>
  </entity>
</fetch>");
        return rows.Count == 0 ? new KpiCount(code, 0m, 0m) : new KpiCount(code, Number(rows[0], "paid"), Number(rows[0], "due"));
    }

    /// <summary>Distinct owners with an active occupancy of a unit of the property (optionally: in a lifecycle stage).</summary>
    private static string OwnersFetch(Guid property, int? stage) => $@"<fetch aggregate='true'>
  <entity name='{OccupancyTable.LogicalName}'>
    <attribute name='{OccupancyTable.Columns.Contact}' alias='n' aggregate='countcolumn' distinct='true' />
    <filter>{Condition(OccupancyTable.Columns.StateCode, "eq", 0)}</filter>
    <link-entity name='{UnitTable.LogicalName}' from='{UnitTable.PrimaryId}' to='{OccupancyTable.Columns.Unit}' link-type='inner'>
      <filter>{Condition(UnitTable.Columns.Property, "eq", property)}</filter>
    </link-entity>{(stage is null ? string.Empty : $@"
    <link-entity name='{ContactTable.LogicalName}' from='{ContactTable.PrimaryId}' to='{OccupancyTable.Columns.Contact}' link-type='inner'>
      <filter>{Condition(ContactTable.Columns.LifecycleStage, "eq", stage.Value)}</filter>
    </link-entity>")}
  </entity>
</fetch>";

    /// <summary>
    /// 活动参与率's numerator: distinct owners of the property (as 业主留存率 counts them) checked in (已签到, checked in on in the
    /// month) to an event of the property. An owner at three events counts once; a guest who is not an owner of the property
    /// does not count, so the rate never exceeds 100%.
    /// </summary>
    private decimal OwnersCheckedIn(Guid property, KpiMonth month) => Single(service, $@"<fetch aggregate='true'>
  <entity name='{OccupancyTable.LogicalName}'>
    <attribute name='{OccupancyTable.Columns.Contact}' alias='n' aggregate='countcolumn' distinct='true' />
    <filter>{Condition(OccupancyTable.Columns.StateCode, "eq", 0)}</filter>
    <link-entity name='{UnitTable.LogicalName}' from='{UnitTable.PrimaryId}' to='{OccupancyTable.Columns.Unit}' link-type='inner'>
      <filter>{Condition(UnitTable.Columns.Property, "eq", property)}</filter>
    </link-entity>
    <link-entity name='{EventAttendanceTable.LogicalName}' from='{EventAttendanceTable.Columns.Contact}' to='{OccupancyTable.Columns.Contact}' link-type='exists'>
      <filter>{Condition(EventAttendanceTable.Columns.Status, "eq", Choices.AttendanceStatus.CheckedIn)}{Between(EventAttendanceTable.Columns.CheckedInOn, month)}</filter>
      <link-entity name='{CommunityEventTable.LogicalName}' from='{CommunityEventTable.PrimaryId}' to='{EventAttendanceTable.Columns.Event}' link-type='inner'>
        <filter>{Condition(CommunityEventTable.Columns.Property, "eq", property)}</filter>
      </link-entity>
    </link-entity>
  </entity>
</fetch>", "n");

    /// <summary>
    /// 建议回复率 (suggestions received in the month, answered at any time since) and 建议采纳率 (adopted among those decided in
    /// the month): two aggregates over the property's suggestions, each grouped by status.
    /// </summary>
    private IEnumerable<KpiCount> SuggestionCounts(Guid property, KpiMonth month)
    {
        var ofProperty = Condition(SuggestionTable.Columns.Property, "eq", property);
        decimal received = 0m, answered = 0m;
        foreach (var row in Run(service, $@"<fetch aggregate='true'>
  <entity name='{SuggestionTable.LogicalName}'>
    <attribute name='{SuggestionTable.Columns.AnsweredOn}' alias='answered' aggregate='countcolumn' />
    <attribute name='{SuggestionTable.PrimaryId}' alias='n' aggregate='count' />
    <filter>{ofProperty}{Between(SuggestionTable.Columns.CreatedOn, month)}</filter>
  </entity>
</fetch>"))
        {
            received += Number(row, "n");
            answered += Number(row, "answered");
        }

        yield return new KpiCount(KpiCode.SuggestionAnswerRate, answered, received);

        decimal decided = 0m, adopted = 0m;
        foreach (var row in Run(service, $@"<fetch aggregate='true'>
  <entity name='{SuggestionTable.LogicalName}'>
    <attribute name='{SuggestionTable.Columns.Status}' alias='status' groupby='true' />
    <attribute name='{SuggestionTable.PrimaryId}' alias='n' aggregate='count' />
    <filter>{ofProperty}{Between(SuggestionTable.Columns.DecidedOn, month)}{In(SuggestionTable.Columns.Status, Choices.SuggestionStatus.Adopted, Choices.SuggestionStatus.Declined)}</filter>
  </entity>
</fetch>"))
        {
            var n = Number(row, "n");
            decided += n;
            adopted += GroupCode(row, "status") == Choices.SuggestionStatus.Adopted ? n : 0m;
        }

        yield return new KpiCount(KpiCode.SuggestionAdoptionRate, adopted, decided);
    }

    /// <summary>Distinct owners of the property with a points entry (earned, spent, expired or reversed) in the month.</summary>
    private decimal OwnersWithPoints(Guid property, KpiMonth month) => Single(service, $@"<fetch aggregate='true'>
  <entity name='{OccupancyTable.LogicalName}'>
    <attribute name='{OccupancyTable.Columns.Contact}' alias='n' aggregate='countcolumn' distinct='true' />
    <filter>{Condition(OccupancyTable.Columns.StateCode, "eq", 0)}</filter>
    <link-entity name='{UnitTable.LogicalName}' from='{UnitTable.PrimaryId}' to='{OccupancyTable.Columns.Unit}' link-type='inner'>
      <filter>{Condition(UnitTable.Columns.Property, "eq", property)}</filter>
    </link-entity>
    <link-entity name='{PointsEntryTable.LogicalName}' from='{PointsEntryTable.Columns.Contact}' to='{OccupancyTable.Columns.Contact}' link-type='exists'>
      <filter>{Between(PointsEntryTable.Columns.OccurredOn, month)}</filter>
    </link-entity>
  </entity>
</fetch>", "n");
}
