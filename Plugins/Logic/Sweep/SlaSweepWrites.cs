using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The sweep's decision for one due request and its writes: the due rungs' escalation rows and an update of exactly
/// the request's columns whose value changes (none: no write at all, so no version bump, no Update step, no audit).
/// </summary>
/// <remarks>
/// <para><b>Two sweeps.</b> Every call first takes the job lock (<see cref="SweepJob"/>), so only one SLA sweep call at a
/// time reads and writes requests and escalation rows; the second reads after the first committed, finds the rungs
/// recorded and the index moved. The escalation alternate key (request × KPI × level) is the second line of defence: a
/// duplicate would fail the call and roll all of it back rather than notify anyone twice.</para>
/// <para><b>A user's save.</b> A user may resolve, pause or edit a request between the sweep's re-read and its write.
/// The write carries the re-read's row version with <see cref="ConcurrencyBehavior.IfRowVersionMatches"/>: Dataverse
/// compares it under the row's lock, inside the update, so a save committed after the re-read, or one still in
/// progress (the update waits for it), makes the update fail. The failure ends the call and rolls back everything it
/// wrote, escalation rows included; the next call reads the committed request. So the sweep never writes over a value
/// it did not read: no lost update, no escalation of a request resolved meanwhile, no index re-armed on it. A save
/// after the sweep's write waits for the sweep's commit (the row lock). The escalation rows are created after the
/// update for the same reason: nothing is created for a request whose version moved.</para>
/// </remarks>
internal static class SlaSweepWrites
{
    internal static RequestReview Review(
        Guid id,
        Dictionary<Guid,
        Entity> fresh,
        Dictionary<Guid,
        List<EscalationRung>> recorded,
        SweepSettings settings,
        DateTimeOffset now,
        Action<string> trace)
    {
        if (!fresh.TryGetValue(id, out var row))
        {
            // Deleted since the index query, or no longer readable by the caller: nothing to do.
            trace($"Request {id}: not readable any more; skipped.");
            return RequestReview.Skip();
        }

        var active = row.GetAttributeValue<OptionSetValue>(Columns.StateCode)?.Value is null or ServiceRequestTable.States.Active;
        if (!active || row.GetAttributeValue<DateTime?>(Columns.PausedOn).HasValue)
        {
            // Closed or paused since the index query: the index query never returns it now, and resuming recomputes
            // the index, so there is nothing to write.
            return RequestReview.Skip();
        }

        var rungs = recorded.TryGetValue(id, out var list) ? (IReadOnlyList<EscalationRung>)list : Array.Empty<EscalationRung>();
        try
        {
            var propertyId = row.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
            var clocks = ServiceRequestSlaMapping.ReadClocks(row, () => settings.PoliciesFor(propertyId), () => settings.CalendarsFor(propertyId));
            return RequestReview.Of(row, EscalationReview.Of(clocks, rungs, now));
        }
        catch (DomainException ex)
        {
            // A stored value the rules refuse (e.g. a calendar without next year's holidays yet): the request stays
            // due, so it is retried once an admin fixes the data; the rest of the page goes on.
            trace($"Request {id}: {ex.Code} {ex.Message}");
            return RequestReview.Skip();
        }
    }

    /// <returns>Escalation rows created; <paramref name="written"/> says whether the request was updated.</returns>
    internal static int Apply(IOrganizationService service, RequestReview review, Dictionary<Guid, Entity> properties, DateTimeOffset now, out bool written)
    {
        written = false;
        if (review.Row is null)
        {
            return 0;
        }

        var row = review.Row;
        var update = Changes(row, review);
        if (update.Attributes.Count > 0)
        {
            update.RowVersion = row.RowVersion;
            service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            written = true;
        }

        var property = review.PropertyId.HasValue && properties.TryGetValue(review.PropertyId.Value, out var p) ? p : null;
        foreach (var due in review.Due)
        {
            service.Create(EscalationRows.For(row, due, property, now));
        }

        return review.Due.Count;
    }

    /// <summary>The columns whose value the review changes; empty when none does.</summary>
    private static Entity Changes(Entity row, RequestReview review)
    {
        var update = new Entity(ServiceRequestTable.LogicalName, row.Id);
        var next = review.NextEscalationOn?.UtcDateTime;
        if (row.GetAttributeValue<DateTime?>(Columns.NextEscalationOn) != next)
        {
            update[Columns.NextEscalationOn] = next;
        }

        foreach (var clock in review.Observed)
        {
            var kpi = ClockColumns.For(clock.Kpi);
            var status = OptionValues.ToOption(clock.Status);
            if (row.GetAttributeValue<OptionSetValue>(kpi.Status)?.Value != status.Value)
            {
                update[kpi.Status] = status;
            }

            var breached = clock.BreachedOn?.UtcDateTime;
            if (row.GetAttributeValue<DateTime?>(kpi.BreachedOn) != breached)
            {
                update[kpi.BreachedOn] = breached;
            }
        }

        if (review.HighestLevel.HasValue)
        {
            var level = OptionValues.ToOption(review.HighestLevel.Value);
            if (row.GetAttributeValue<OptionSetValue>(Columns.EscalationLevel)?.Value != level.Value)
            {
                update[Columns.EscalationLevel] = level;
            }
        }

        return update;
    }
}
