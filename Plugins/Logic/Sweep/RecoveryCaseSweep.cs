using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.RecoveryCaseTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The SLA sweep's second pass: open 挽回 recovery cases whose next escalation instant (<c>pcrm_nextescalationon</c>: the due
/// time when the case opens) has come, page by page in (instant, id) order, exactly as the request pass pages requests.
/// For each, <see cref="RecoveryEscalation.Review"/> decides the rungs (at the due time the property manager, 24 hours later
/// the quality department); each becomes a <c>pcrm_escalation</c> row linked to the case (KPI 挽回, key case × level), and the
/// case's escalation level and next instant are written back when they change.
/// </summary>
/// <remarks>
/// <para><b>Calls.</b> Per page of P due cases raising E rungs on W cases: 1 index query + 1 re-read of the P cases + 1 read of
/// their escalation rows + at most 1 read of their properties (only when a rung is due) + E creates + W updates (each "1"
/// becomes ⌈P / 500⌉ above 500 cases). Overdue cases are few (one per detractor nobody called back), so this is almost
/// always the single index query that finds nothing.</para>
/// <para><b>Concurrency.</b> As for requests (<see cref="SlaSweepWrites"/>): the job lock serialises sweeps, the key refuses
/// a second row for a rung, and the case update carries the re-read's row version, so a supervisor closing the case at the
/// same moment makes the sweep's call fail and roll back whole (nothing escalated for a case closed meanwhile); the next run
/// reads the closed case and leaves it.</para>
/// </remarks>
internal static class RecoveryCaseSweep
{
    private static readonly ColumnSet CaseColumns = new(
        Columns.Name, Columns.DueOn, Columns.EscalationLevel, Columns.NextEscalationOn, Columns.Property, Columns.OwnerId, Columns.StateCode);

    /// <summary>The next page of due cases after <paramref name="cursor"/>: only the sort key is read.</summary>
    internal static EntityCollection DuePage(IOrganizationService service, DateTime nowUtc, SweepContinuation cursor, int pageSize)
    {
        var query = new QueryExpression(RecoveryCaseTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Columns.NextEscalationOn),
            PageInfo = QueryPaging.FirstPage(pageSize),
        };
        query.Criteria.AddCondition(Columns.StateCode, ConditionOperator.Equal, RecoveryCaseTable.States.Active);
        query.Criteria.AddCondition(Columns.NextEscalationOn, ConditionOperator.LessEqual, nowUtc);
        if (!cursor.IsPassStart)
        {
            var after = query.Criteria.AddFilter(LogicalOperator.Or);
            after.AddCondition(Columns.NextEscalationOn, ConditionOperator.GreaterThan, cursor.NextEscalationOnUtc);
            var tie = after.AddFilter(LogicalOperator.And);
            tie.AddCondition(Columns.NextEscalationOn, ConditionOperator.Equal, cursor.NextEscalationOnUtc);
            tie.AddCondition(RecoveryCaseTable.PrimaryId, ConditionOperator.GreaterThan, cursor.RequestId);
        }

        query.AddOrder(Columns.NextEscalationOn, OrderType.Ascending);
        query.AddOrder(RecoveryCaseTable.PrimaryId, OrderType.Ascending);
        return service.RetrieveMultiple(query);
    }

    /// <summary>One page: re-reads the cases and their rungs under the job lock and reviews each (no write yet).</summary>
    internal static List<CaseReview> Review(IOrganizationService service, Guid[] ids, DateTimeOffset now)
    {
        var fresh = new Dictionary<Guid, Entity>();
        var recorded = new Dictionary<Guid, List<EscalationLevel>>();
        foreach (var chunk in Chunks(ids))
        {
            var cases = new QueryExpression(RecoveryCaseTable.LogicalName) { ColumnSet = CaseColumns };
            cases.Criteria.AddCondition(RecoveryCaseTable.PrimaryId, ConditionOperator.In, chunk);
            foreach (var row in service.RetrieveMultiple(cases).Entities)
            {
                fresh[row.Id] = row;
            }
        }

        foreach (var chunk in Chunks(ids))
        {
            var rows = new QueryExpression(EscalationTable.LogicalName) { ColumnSet = new ColumnSet(EscalationTable.Columns.RecoveryCase, EscalationTable.Columns.Level) };
            rows.Criteria.AddCondition(EscalationTable.Columns.RecoveryCase, ConditionOperator.In, chunk);
            rows.AddOrder(EscalationTable.PrimaryId, OrderType.Ascending);
            foreach (var row in service.RetrieveAll(rows, SlaSweep.MaxPageSize))
            {
                if (row.GetAttributeValue<EntityReference>(EscalationTable.Columns.RecoveryCase) is { } owner
                    && OptionValues.Read<EscalationLevel>(row, EscalationTable.Columns.Level) is { } level)
                {
                    if (!recorded.TryGetValue(owner.Id, out var list))
                    {
                        recorded[owner.Id] = list = new List<EscalationLevel>();
                    }

                    list.Add(level);
                }
            }
        }

        return ids.Select(id => CaseReview.Of(fresh.TryGetValue(id, out var row) ? row : null, recorded.TryGetValue(id, out var levels) ? levels : new List<EscalationLevel>(), now)).ToList();
    }

    /// <summary>The properties (manager, quality team) of the cases with a rung due: one read.</summary>
    internal static Dictionary<Guid, Entity> Properties(IOrganizationService service, IEnumerable<CaseReview> reviews) =>
        SlaSweepReads.ReadProperties(service, reviews.Where(r => r.Review?.Due.Count > 0 && r.PropertyId.HasValue).Select(r => r.PropertyId!.Value).Distinct().ToArray());

    /// <returns>Escalation rows created; <paramref name="written"/> says whether the case was updated.</returns>
    internal static int Apply(IOrganizationService service, CaseReview review, Dictionary<Guid, Entity> properties, DateTimeOffset now, out bool written)
    {
        written = false;
        if (review.Row is null || review.Review is null)
        {
            return 0;
        }

        var row = review.Row;
        var update = new Entity(RecoveryCaseTable.LogicalName, row.Id);
        var next = review.Review.NextEscalationOn?.UtcDateTime;
        if (row.GetAttributeValue<DateTime?>(Columns.NextEscalationOn) != next)
        {
            update[Columns.NextEscalationOn] = next;
        }

        if (review.Review.HighestLevel is { } highest && row.GetAttributeValue<OptionSetValue>(Columns.EscalationLevel)?.Value != OptionValues.ToOption(highest).Value)
        {
            update[Columns.EscalationLevel] = OptionValues.ToOption(highest);
        }

        if (update.Attributes.Count > 0)
        {
            update.RowVersion = row.RowVersion;
            service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            written = true;
        }

        var property = review.PropertyId is { } id && properties.TryGetValue(id, out var p) ? p : null;
        foreach (var rung in review.Review.Due)
        {
            service.Create(EscalationRows.ForRecoveryCase(row, rung, property, now));
        }

        return review.Review.Due.Count;
    }

    private static IEnumerable<object[]> Chunks(Guid[] ids)
    {
        for (var start = 0; start < ids.Length; start += SlaSweep.MaxInValues)
        {
            yield return ids.Skip(start).Take(SlaSweep.MaxInValues).Cast<object>().ToArray();
        }
    }

    /// <summary>The decision for one due case; <see cref="Row"/> null when it is left untouched (gone, closed, no due time).</summary>
    internal sealed class CaseReview
    {
        private CaseReview(Entity? row, RecoveryEscalationReview? review)
        {
            Row = row;
            Review = review;
            PropertyId = row?.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
        }

        public Entity? Row { get; }

        public RecoveryEscalationReview? Review { get; }

        public Guid? PropertyId { get; }

        public static CaseReview Of(Entity? row, IReadOnlyList<EscalationLevel> recorded, DateTimeOffset now)
        {
            // Closed since the index query, or readable no more: nothing to do (the index query skips closed cases).
            var open = row?.GetAttributeValue<OptionSetValue>(Columns.StateCode)?.Value is null or RecoveryCaseTable.States.Active;
            if (row is null || !open || DataverseTime.Instant(row, Columns.DueOn) is not { } dueOn)
            {
                return new CaseReview(null, null);
            }

            return new CaseReview(row, RecoveryEscalation.Review(dueOn, recorded, now));
        }
    }
}
