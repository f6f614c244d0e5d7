using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Schema.Tables.ServiceRequestTable.StatusReasons;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>
/// What must hold after the month, however the threads interleaved: each check returns its violations (empty: it holds).
/// A table added later adds its checks to <see cref="All"/> (the 回访 loop added four).
/// </summary>
internal static class SoakInvariants
{
    public static IReadOnlyList<(string Name, Func<SoakWorld, IEnumerable<string>> Check)> All { get; } = new (string, Func<SoakWorld, IEnumerable<string>>)[]
    {
        ("every owner's balance equals the sum of its ledger", BalancesMatchLedgers),
        ("every ledger replays: no lot spent beyond its points, nothing reversed twice", LedgersReplay),
        ("each expiry exists once: a lot's expiries are #1…#n", ExpiriesOnce),
        ("every idempotency key is unique (per owner)", IdempotencyKeysUnique),
        ("no reward's stock below zero; stock + redeemed = initial", StockConserved),
        ("every bill's amount paid equals its payments", BillsMatchPayments),
        ("each escalation rung exists once", EscalationsOnce),
        ("every request is in a state its lifecycle allows", RequestsInLifecycle),
        ("each resolution has exactly one 回访 (request × resolution number)", OneFollowUpPerResolution),
        ("every closed request's last 回访 is verified fixed or unreachable", ClosedThroughFollowUp),
        ("each detractor 回访 that closed its request has exactly one recovery case, none has two", OneRecoveryPerDetractor),
        ("survey points are awarded at most once per 回访", SurveyPointsOnce),
        ("no row left locked, no system job pending or failed", NothingLeftOver),
    };

    /// <summary>What the 回访 loop did in the month (printed with the tally).</summary>
    public static string FollowUpFigures(SoakWorld world)
    {
        var followUps = world.Dataverse.PeekAll(FollowUpTable.LogicalName);
        int Count(int status, int? verification = null) => followUps.Count(f =>
            f.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.StatusCode)?.Value == status
            && (verification is null || f.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.Verification)?.Value == verification));
        var closed = world.Dataverse.PeekAll(ServiceRequestTable.LogicalName).Count(r => r.GetAttributeValue<OptionSetValue>(Requests.StatusCode)?.Value == Status.Closed);
        return FormattableString.Invariant(
            $"回访 {followUps.Count}: {Count(FollowUpTable.StatusReasons.Completed, Choices.FixVerification.Fixed)} fixed, {Count(FollowUpTable.StatusReasons.Completed, Choices.FixVerification.NotFixed)} not fixed (reopened), {Count(FollowUpTable.StatusReasons.Pending)} pending; {closed} requests closed; {world.Dataverse.PeekAll(RecoveryCaseTable.LogicalName).Count} recovery cases; {followUps.Count(f => f.GetAttributeValue<bool?>(FollowUpTable.Columns.IsDetractor) == true)} detractors");
    }

    /// <summary>回访 finished in the month (completed or unreachable): the loop the 回访 invariants are about was exercised.</summary>
    public static int FinishedFollowUps(SoakWorld world) => world.Dataverse.PeekAll(FollowUpTable.LogicalName)
        .Count(f => f.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.StatusCode)?.Value is FollowUpTable.StatusReasons.Completed or FollowUpTable.StatusReasons.Unreachable);

    private static IEnumerable<string> BalancesMatchLedgers(SoakWorld world)
    {
        var entries = world.Dataverse.PeekAll(PointsEntryTable.LogicalName);
        foreach (var owner in world.Owners)
        {
            var sum = entries.Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
                .Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points));
            var balance = world.Dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0;
            if (balance != sum)
            {
                yield return $"owner {owner}: balance {balance}, ledger sum {sum}";
            }
        }
    }

    private static IEnumerable<string> LedgersReplay(SoakWorld world)
    {
        var violations = new List<string>();
        foreach (var owner in world.Owners)
        {
            try
            {
                LedgerStore.Read(world.Dataverse.Service, owner);
            }
            catch (Exception ex) when (ex is DomainException or InvalidPluginExecutionException)
            {
                violations.Add($"owner {owner}: {ex.Message}");
            }
        }

        return violations;
    }

    // A lot expires once, unless a reversal (a cancelled redemption) put points back into it after it expired; the next
    // sweep then expires those as occurrence n + 1 ("expire:{lot}#{n}", LedgerKeys.Expire). So a lot's expiries must be
    // exactly #1…#n: a duplicate or a gap is an expiry written twice or skipped. (The replay above checks each against
    // the lot's open points.)
    private static IEnumerable<string> ExpiriesOnce(SoakWorld world) =>
        world.Dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Where(e => e.GetAttributeValue<OptionSetValue>(PointsEntryTable.Columns.Kind)?.Value == Choices.LedgerEntryKind.Expire)
            .Select(e => e.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey) ?? string.Empty)
            .GroupBy(key => key.Contains('#', StringComparison.Ordinal) ? key.Substring(0, key.LastIndexOf('#')) : key)
            .Select(g => (Lot: g.Key, Occurrences: g.Select(k => k.Substring(k.LastIndexOf('#') + 1)).OrderBy(n => n, StringComparer.Ordinal).ToArray()))
            .Where(g => !g.Occurrences.SequenceEqual(Enumerable.Range(1, g.Occurrences.Length).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Select(g => $"{g.Lot}: expiries #{string.Join(", #", g.Occurrences)}");

    // Keys are per owner (the alternate key is owner × key): the same survey id may earn two owners their points.
    private static IEnumerable<string> IdempotencyKeysUnique(SoakWorld world) =>
        world.Dataverse.PeekAll(PointsEntryTable.LogicalName)
            .GroupBy(e => (Owner: e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id, Key: e.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey)))
            .Where(g => g.Key.Key is null || g.Count() > 1)
            .Select(g => $"owner {g.Key.Owner}: idempotency key {g.Key.Key ?? "(blank)"} on {g.Count()} entries");

    private static IEnumerable<string> StockConserved(SoakWorld world)
    {
        var redemptions = world.Dataverse.PeekAll(RedemptionTable.LogicalName);
        foreach (var (reward, initial) in world.InitialStock)
        {
            var stock = world.Dataverse.Peek(RewardTable.LogicalName, reward)!.GetAttributeValue<int?>(RewardTable.Columns.Stock);
            var taken = redemptions
                .Where(r => r.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Reward)?.Id == reward)
                .Where(r => r.GetAttributeValue<OptionSetValue>(RedemptionTable.Columns.StatusCode)?.Value != RedemptionTable.StatusReasons.Cancelled)
                .Sum(r => r.GetAttributeValue<int?>(RedemptionTable.Columns.Quantity) ?? 1);
            if (stock is null or < 0 || stock + taken != initial)
            {
                yield return $"reward {reward}: stock {stock?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "blank"}, {taken} redeemed, {initial} at start";
            }
        }
    }

    private static IEnumerable<string> BillsMatchPayments(SoakWorld world)
    {
        var payments = world.Dataverse.PeekAll(FeePaymentTable.LogicalName);
        foreach (var bill in world.Dataverse.PeekAll(FeeBillTable.LogicalName))
        {
            var paid = payments.Where(p => p.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.FeeBill)?.Id == bill.Id)
                .Sum(p => p.GetAttributeValue<Money>(FeePaymentTable.Columns.Amount)?.Value ?? 0m);
            var recorded = bill.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid)?.Value ?? 0m;
            if (paid != recorded)
            {
                yield return $"bill {bill.Id}: amount paid {recorded}, payments {paid}";
            }
        }
    }

    private static IEnumerable<string> EscalationsOnce(SoakWorld world) =>
        world.Dataverse.PeekAll(EscalationTable.LogicalName)
            .GroupBy(e => (
                e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest)?.Id
                    ?? e.GetAttributeValue<EntityReference>(EscalationTable.Columns.RecoveryCase)?.Id,
                e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi)?.Value,
                e.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level)?.Value))
            .Where(g => g.Count() > 1)
            .Select(g => $"request or recovery case {g.Key.Item1}: KPI {g.Key.Item2} level {g.Key.Item3} raised {g.Count()} times");

    private static IEnumerable<string> RequestsInLifecycle(SoakWorld world)
    {
        foreach (var row in world.Dataverse.PeekAll(ServiceRequestTable.LogicalName))
        {
            var state = row.GetAttributeValue<OptionSetValue>(Requests.StateCode)?.Value;
            var status = row.GetAttributeValue<OptionSetValue>(Requests.StatusCode)?.Value ?? 0;
            var inactive = status is Status.Closed or Status.Cancelled;
            var known = status is Status.New or Status.Accepted or Status.Dispatched or Status.InProgress or Status.WaitingOnOwner or Status.Resolved or Status.Closed or Status.Cancelled;
            if (!known || state != (inactive ? ServiceRequestTable.States.Inactive : ServiceRequestTable.States.Active))
            {
                yield return $"request {row.Id}: state {state}, status {status}";
                continue;
            }

            if (status is Status.Resolved or Status.Closed && !row.Contains(Requests.ResolvedOn))
            {
                yield return $"request {row.Id}: {Describe(status)} without Resolved On";
            }

            if (status == Status.Closed && !row.Contains(Requests.FollowUpOn))
            {
                yield return $"request {row.Id}: closed without its follow-up";
            }

            if (status is not Status.New && status is not Status.Cancelled && !row.Contains(Requests.AcceptedOn))
            {
                yield return $"request {row.Id}: {Describe(status)} without Accepted On";
            }
        }
    }

    // The alternate key pcrm_followup_requestresolution holds this in Dataverse; the check proves no path writes around it.
    private static IEnumerable<string> OneFollowUpPerResolution(SoakWorld world)
    {
        var followUps = world.Dataverse.PeekAll(FollowUpTable.LogicalName);
        foreach (var group in followUps.GroupBy(f => (
            Request: f.GetAttributeValue<EntityReference>(FollowUpTable.Columns.ServiceRequest)?.Id,
            Resolution: f.GetAttributeValue<int?>(FollowUpTable.Columns.ResolutionNumber))).Where(g => g.Count() > 1))
        {
            yield return $"request {group.Key.Request}: resolution {group.Key.Resolution} has {group.Count()} 回访";
        }

        foreach (var row in world.Dataverse.PeekAll(ServiceRequestTable.LogicalName))
        {
            var status = row.GetAttributeValue<OptionSetValue>(Requests.StatusCode)?.Value;
            var resolutions = followUps.Count(f => f.GetAttributeValue<EntityReference>(FollowUpTable.Columns.ServiceRequest)?.Id == row.Id);
            var expected = (row.GetAttributeValue<int?>(Requests.ReopenCount) ?? 0) + (status is Status.Resolved or Status.Closed ? 1 : 0);
            if (resolutions != expected)
            {
                yield return $"request {row.Id}: {Describe(status ?? 0)} reopened {row.GetAttributeValue<int?>(Requests.ReopenCount) ?? 0} time(s), {resolutions} 回访";
            }
        }
    }

    private static IEnumerable<string> ClosedThroughFollowUp(SoakWorld world)
    {
        foreach (var row in world.Dataverse.PeekAll(ServiceRequestTable.LogicalName)
            .Where(r => r.GetAttributeValue<OptionSetValue>(Requests.StatusCode)?.Value == Status.Closed))
        {
            var last = row.GetAttributeValue<EntityReference>(Requests.LastFollowUp) is { } reference ? world.Dataverse.Peek(FollowUpTable.LogicalName, reference.Id) : null;
            var status = last?.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.StatusCode)?.Value;
            var verified = status == FollowUpTable.StatusReasons.Completed
                && last!.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.Verification)?.Value == Choices.FixVerification.Fixed;
            if (!verified && status != FollowUpTable.StatusReasons.Unreachable)
            {
                yield return $"request {row.Id}: closed, last 回访 {last?.Id.ToString() ?? "(none)"} status {status}; {History(world, row)}";
            }
        }
    }

    // A detractor 回访 verified fixed that closed its request (closed, and the request's last 回访) opened exactly one case. A 回访
    // finished after staff had already reopened its resolution (a technician's "resume" saved on a request a colleague had just
    // resolved is, checked under the request's lock, a staff reopen 已解决 → 处理中) is no longer the latest of a resolved request
    // and is recorded only (FollowUpConsequences), so it has none; from the final rows such a not-fixed 回访 cannot be told from
    // one that reopened its request itself, so for those the check is "none has two".
    private static IEnumerable<string> OneRecoveryPerDetractor(SoakWorld world)
    {
        var cases = world.Dataverse.PeekAll(RecoveryCaseTable.LogicalName);
        foreach (var followUp in world.Dataverse.PeekAll(FollowUpTable.LogicalName).Where(f => f.GetAttributeValue<bool?>(FollowUpTable.Columns.IsDetractor) == true))
        {
            var count = cases.Count(c => c.GetAttributeValue<EntityReference>(RecoveryCaseTable.Columns.FollowUp)?.Id == followUp.Id);
            var request = followUp.GetAttributeValue<EntityReference>(FollowUpTable.Columns.ServiceRequest) is { } reference ? world.Dataverse.Peek(ServiceRequestTable.LogicalName, reference.Id) : null;
            var closedIt = request?.GetAttributeValue<OptionSetValue>(Requests.StatusCode)?.Value == Status.Closed
                && request.GetAttributeValue<EntityReference>(Requests.LastFollowUp)?.Id == followUp.Id;
            if (count > 1 || (closedIt && count != 1))
            {
                yield return $"detractor 回访 {followUp.Id} (resolution {followUp.GetAttributeValue<int?>(FollowUpTable.Columns.ResolutionNumber)}, "
                    + $"verification {followUp.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.Verification)?.Value}): {count} recovery case(s); "
                    + $"request {Describe(request?.GetAttributeValue<OptionSetValue>(Requests.StatusCode)?.Value ?? 0)}, reopened {request?.GetAttributeValue<int?>(Requests.ReopenCount) ?? 0}, "
                    + $"last 回访 {(request?.GetAttributeValue<EntityReference>(Requests.LastFollowUp)?.Id == followUp.Id ? "this one" : "another")}";
            }
        }
    }

    // Survey points earn on the 回访's id as their source (idempotency key "activity:{rule}:{source}"): one entry per 回访.
    private static IEnumerable<string> SurveyPointsOnce(SoakWorld world)
    {
        var keys = world.Dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Select(e => e.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey) ?? string.Empty)
            .ToArray();
        foreach (var followUp in world.Dataverse.PeekAll(FollowUpTable.LogicalName))
        {
            var id = followUp.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
            var count = keys.Count(k => k.EndsWith(id, StringComparison.OrdinalIgnoreCase));
            if (count > 1)
            {
                yield return $"回访 {followUp.Id}: survey points awarded {count} times";
            }
        }
    }

    private static IEnumerable<string> NothingLeftOver(SoakWorld world)
    {
        if (world.Dataverse.CaptureStore().LockedRows is var locked and > 0)
        {
            yield return $"{locked} row(s) still locked";
        }

        if (world.Dataverse.PendingAsyncSteps > 0)
        {
            yield return $"{world.Dataverse.PendingAsyncSteps} system job(s) pending";
        }

        foreach (var failure in world.Dataverse.AsyncFailures)
        {
            yield return "system job failed: " + failure;
        }
    }

    // What a failure report needs to tell the story of one request: its reopen count, the follow-up notes the loop
    // prepends one line to per finished 回访, and every 回访 of it in resolution order.
    private static string History(SoakWorld world, Entity request)
    {
        var followUps = world.Dataverse.PeekAll(FollowUpTable.LogicalName)
            .Where(f => f.GetAttributeValue<EntityReference>(FollowUpTable.Columns.ServiceRequest)?.Id == request.Id)
            .OrderBy(f => f.GetAttributeValue<int?>(FollowUpTable.Columns.ResolutionNumber))
            .Select(f => $"#{f.GetAttributeValue<int?>(FollowUpTable.Columns.ResolutionNumber)} {f.Id} status {f.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.StatusCode)?.Value} "
                + $"verification {f.GetAttributeValue<OptionSetValue>(FollowUpTable.Columns.Verification)?.Value} attempts {f.GetAttributeValue<int?>(FollowUpTable.Columns.Attempts)} "
                + $"completed {f.GetAttributeValue<DateTime?>(FollowUpTable.Columns.CompletedOn):O}");
        return $"reopened {request.GetAttributeValue<int?>(Requests.ReopenCount) ?? 0}, notes [{request.GetAttributeValue<string>(Requests.FollowUpNotes)?.Replace("\n", " | ", StringComparison.Ordinal)}], "
            + $"回访 [{string.Join("; ", followUps)}]";
    }

    private static string Describe(int status) => status switch
    {
        Status.Resolved => RequestLifecycle.English(RequestStatus.Resolved),
        Status.Closed => RequestLifecycle.English(RequestStatus.Closed),
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
