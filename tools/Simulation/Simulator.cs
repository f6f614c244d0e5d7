using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Dispatch;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Plugins.Steps.Kpis;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.SampleCompany;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable;

namespace PropertyCrm.Simulation;

/// <summary>
/// Plays a synthetic company's months through the real plug-ins, Custom APIs and sweeps on the in-memory Dataverse:
/// every request, follow-up, bill, payment and redemption is a user's call through the organization service with the
/// shipped roles, in time order on the harness clock; the sweeps run on their schedules. Deterministic for a seed: every
/// random draw comes from one <see cref="Random"/> in event order, and ties in time are broken by scheduling order.
/// </summary>
public sealed partial class Simulator
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Requests per household per month before seasonality (DOMAIN.md: a 1,000-household estate logs ~100 a month).</summary>
    private const double RequestsPerHouseholdMonth = 0.10;

    private static readonly double[] Season = { 1.0, 0.75, 0.95, 1.0, 1.05, 1.25, 1.4, 1.35, 1.05, 0.9, 0.95, 1.05 };

    private readonly SimulationOptions options;
    private readonly Random random;
    private readonly FakeDataverse dataverse;
    private readonly PriorityQueue<Action, (long Ticks, long Seq)> queue = new();
    private readonly Dictionary<Guid, int> agentTurn = new();
    private long sequence;
    private int sinceReset;
    private long lastId;
    private Company company = null!;

    public Simulator(SimulationOptions options)
    {
        this.options = options;
        random = new Random(options.Seed);
        dataverse = new FakeDataverse().WithPluginCatalog();

        // Row ids in creation order (as Dataverse's sequential ids), not random: queries order ties by primary key and
        // page by it, so random ids made two runs of one seed differ.
        dataverse.IdGenerator = () => SequentialId(Interlocked.Increment(ref lastId));
        Stats = new OperationStats();
    }

    public FakeDataverse Dataverse => dataverse;

    private static Guid SequentialId(long n) =>
        Guid.ParseExact("51e00000-0000-0000-0000-" + n.ToString("x12", CultureInfo.InvariantCulture), "D");

    public Company Company => company;

    public OperationStats Stats { get; }

    public KpiMonth FirstMonth => new(options.StartYear, options.StartMonth);

    public IReadOnlyList<KpiMonth> MonthsPlayed { get; private set; } = Array.Empty<KpiMonth>();

    public TimeSpan WallTime { get; private set; }

    /// <summary>Builds the company and plays every month; reports progress as simulated time passes.</summary>
    public void Run(Progress progress)
    {
        using var slaCache = SlaConfigurationCache.Isolate();
        using var loyaltyCache = LoyaltyConfigurationCache.Isolate();
        using var dispatchCache = DispatchRuleCache.Isolate();
        var stopwatch = Stopwatch.StartNew();

        var months = new List<KpiMonth>();
        for (var m = FirstMonth; months.Count < options.Months; m = m.Next())
        {
            months.Add(m);
        }

        MonthsPlayed = months;
        var start = months[0].StartUtc;
        var end = months[^1].EndUtc;
        dataverse.Clock.SetClock(start.AddDays(-1));
        company = Company.Build(dataverse, options, random, start);
        progress.Report(0, "company built");

        foreach (var month in months)
        {
            ScheduleMonth(month);
        }

        // After the last month: the follow-ups of its last requests, then every month's snapshot once more (a month's late
        // payments and follow-ups land after its last nightly run; an admin rebuilds the year the same way).
        At(end.AddDays(5).AddHours(3), () =>
        {
            foreach (var month in months)
            {
                Snapshot(month);
            }
        });
        var span = (end.AddDays(6) - start).Ticks;
        while (queue.TryDequeue(out var action, out var when))
        {
            var now = new DateTime(when.Ticks, DateTimeKind.Utc);
            if (now > dataverse.Clock.UtcNow)
            {
                dataverse.Clock.SetClock(now);
            }

            action();
            progress.Report((double)(now - start).Ticks / span, KpiMonth.Containing(new DateTimeOffset(now)).ToString());
        }

        progress.Report(1, "done");
        WallTime = stopwatch.Elapsed;
    }

    private void ScheduleMonth(KpiMonth month)
    {
        var first = month.StartUtc;
        var days = (month.EndUtc - first).Days;

        // Bills on the 1st at 06:00 (the billing system), jobs in the night, requests through the days.
        At(first.AddHours(6), () => Bills(month));
        At(first.AddHours(2), TierReview);
        At(first.AddHours(1.5), LifecycleReview);
        At(first.AddHours(3), () => Snapshot(null));
        At(first.AddDays(4).AddHours(3), () => Snapshot(null));
        At(first.AddHours(7), () => CommunityMonth(month));
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            At(day.AddMinutes(5), PointsExpiry);
            ScheduleCarePlanner(day);
            At(day.AddHours(23.5), SlaSweep);
            At(day.AddHours(12), SlaSweep);
            At(day, () => Arrivals(day));
            At(day.AddHours(14), () => Redemptions(day));
        }
    }

    private void At(DateTime utc, Action action) => queue.Enqueue(action, (utc.Ticks, sequence++));

    private DateTime Now => dataverse.Clock.UtcNow;

    // ---------------------------------------------------------------- requests

    private void Arrivals(DateTime dayStartUtc)
    {
        var local = new DateTimeOffset(dayStartUtc).ToOffset(China);
        var workday = BuiltInCalendars.ChinaWorkdays.IsWorkingInstant(local.AddHours(10));
        var season = Season[local.Month - 1];
        foreach (var property in company.Properties.Select((p, i) => (p, i)))
        {
            var households = company.Households.Where(h => h.Property == property.i).ToList();
            var expected = households.Count * RequestsPerHouseholdMonth * season / 30.0 * (workday ? 0.95 : 1.12);
            var count = Poisson(expected);
            for (var n = 0; n < count; n++)
            {
                var household = households[random.Next(households.Count)];
                var hour = DrawHour();
                At(dayStartUtc.AddHours(hour), () => LogRequest(property.p, household));
            }
        }
    }

    /// <summary>Hour of the day (China time, as offset from 00:00) a request is logged: mostly 08:00–22:00, a few at night.</summary>
    private double DrawHour()
    {
        var roll = random.NextDouble();
        return roll < 0.06 ? random.NextDouble() * 7 : 7.5 + random.NextDouble() * 15;
    }

    private sealed record Kind(int Type, int Line, string Title, string Description, int? Cause = null, int? Department = null);

    /// <summary>The complaints owners make, with the cause and responsible department the agent records.</summary>
    private static readonly Kind[] Complaints =
    {
        new(Choices.RequestType.Complaint, Choices.ServiceLine.CustomerService, "噪音扰民 noise", string.Empty, Choices.ComplaintCause.Noise, Choices.Department.Security),
        new(Choices.RequestType.Complaint, Choices.ServiceLine.CustomerService, "垃圾清运不及时 rubbish", string.Empty, Choices.ComplaintCause.Cleanliness, Choices.Department.Environment),
        new(Choices.RequestType.Complaint, Choices.ServiceLine.CustomerService, "停车位被占 parking", string.Empty, Choices.ComplaintCause.Parking, Choices.Department.Security),
        new(Choices.RequestType.Complaint, Choices.ServiceLine.CustomerService, "保安态度差 staff attitude", string.Empty, Choices.ComplaintCause.StaffAttitude, Choices.Department.Security),
        new(Choices.RequestType.Complaint, Choices.ServiceLine.CustomerService, "维修质量差 repair quality", string.Empty, Choices.ComplaintCause.RepairQuality, Choices.Department.Engineering),
    };

    private Kind DrawKind(int month)
    {
        var summer = month is >= 6 and <= 8;
        var roll = random.NextDouble();
        if (roll < 0.58)
        {
            var leak = random.NextDouble() < (summer ? 0.30 : 0.10);
            if (leak)
            {
                var burst = random.NextDouble() < 0.15;
                return new Kind(Choices.RequestType.Repair, Choices.ServiceLine.Maintenance, burst ? "爆管 pipe burst" : "卫生间漏水 bathroom leak", burst ? "厨房水管爆管，水流不止" : "楼上渗水，天花板漏水");
            }

            string[] repairs = { "门锁损坏 broken lock", "灯具不亮 light out", "下水道堵塞 blocked drain", "空调不制冷 air conditioning", "门禁失灵 access control", "墙面开裂 wall crack" };
            var title = repairs[random.Next(repairs.Length)];
            return new Kind(Choices.RequestType.Repair, Choices.ServiceLine.Maintenance, title, title + "，请安排维修");
        }

        if (roll < 0.66)
        {
            var complaint = Complaints[random.Next(Complaints.Length)];
            return complaint with { Description = "业主投诉：" + complaint.Title };
        }

        if (roll < 0.88)
        {
            return new Kind(Choices.RequestType.Inquiry, Choices.ServiceLine.CustomerService, "物业费咨询 fee inquiry", "询问物业费账单");
        }

        return new Kind(Choices.RequestType.Help, Choices.ServiceLine.Cleaning, "公共区域清洁 cleaning", "楼道需要清洁");
    }

    private Guid NextAgent(SimProperty property)
    {
        agentTurn.TryGetValue(property.Id, out var turn);
        agentTurn[property.Id] = turn + 1;
        return property.Agents[turn % property.Agents.Count];
    }

    private void LogRequest(SimProperty property, Household household)
    {
        var local = new DateTimeOffset(Now).ToOffset(China);
        var kind = DrawKind(local.Month);
        var agent = NextAgent(property);
        var row = new Entity(Requests.LogicalName)
        {
            [Requests.Columns.Name] = $"{household.UnitName} {kind.Title}",
            [Requests.Columns.Description] = kind.Description,
            [Requests.Columns.RequestType] = new OptionSetValue(kind.Type),
            [Requests.Columns.ServiceLine] = new OptionSetValue(kind.Line),
            [Requests.Columns.Channel] = new OptionSetValue(random.NextDouble() < 0.5 ? Choices.Channel.Hotline : Choices.Channel.MiniProgram),
            [Requests.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property.Id),
            [Requests.Columns.Unit] = new EntityReference(UnitTable.LogicalName, household.Unit),
            [Requests.Columns.Contact] = new EntityReference(ContactTable.LogicalName, household.Owner),
        };
        if (kind.Cause is int cause)
        {
            // The agent classifies the complaint on the quick-create form (cause and responsible department).
            row[Requests.Columns.ComplaintCause] = new OptionSetValue(cause);
            row[Requests.Columns.ResponsibleDepartment] = new OptionSetValue(kind.Department!.Value);
        }

        if (Create("01 登记 log request", agent, row) is not Guid request)
        {
            return;
        }

        // 受理: most within minutes; a busy desk or the night shift sometimes misses the 30 minutes.
        var night = local.Hour is < 7 or >= 22;
        var minutes = random.NextDouble() < (night ? 0.12 : 0.03) ? 30 + random.Next(5, 90) : random.Next(2, 25);
        At(Now.AddMinutes(minutes), () => Accept(property, household, request, kind, agent));
    }

    private void Accept(SimProperty property, Household household, Guid request, Kind kind, Guid agent)
    {
        if (!Update("02 受理 accept (dispatch)", agent, Status(request, Requests.StatusReasons.Accepted)))
        {
            return;
        }

        var stored = dataverse.Peek(Requests.LogicalName, request)!;
        var urgent = stored.GetAttributeValue<OptionSetValue>(Requests.Columns.Urgency)?.Value == Choices.Urgency.Emergency;
        var dispatched = stored.GetAttributeValue<OptionSetValue>(Requests.Columns.StatusCode)?.Value == Requests.StatusReasons.Dispatched;
        var worker = dispatched ? stored.GetAttributeValue<EntityReference>(Requests.Columns.OwnerId).Id : kind.Type == Choices.RequestType.Complaint ? property.Supervisor : agent;
        var local = new DateTimeOffset(Now).ToOffset(China);

        if (kind.Type == Choices.RequestType.Inquiry)
        {
            At(Now.AddMinutes(random.Next(5, 240)), () => Resolve(property, household, request, kind, worker, false));
            return;
        }

        // A repair the dispatch rules did not assign (no technician team matched) is dispatched by hand to a technician
        // (派工): the 5-step path needs 已派工 before the work starts.
        if (kind.Type == Choices.RequestType.Repair && !dispatched)
        {
            worker = property.Technicians[random.Next(property.Technicians.Count)];
            var dispatch = Status(request, Requests.StatusReasons.Dispatched);
            dispatch[Requests.Columns.OwnerId] = new EntityReference("systemuser", worker);
            if (!Update("02 派工 dispatch", agent, dispatch))
            {
                return;
            }
        }

        // 到场 / 初步处理: emergencies at once; repairs within service hours (08:00–20:00), sometimes late.
        TimeSpan toArrival;
        if (urgent)
        {
            toArrival = TimeSpan.FromMinutes(random.NextDouble() < 0.9 ? random.Next(10, 28) : random.Next(31, 70));
        }
        else if (kind.Type == Choices.RequestType.Complaint)
        {
            toArrival = TimeSpan.FromHours(random.NextDouble() < 0.93 ? random.Next(1, 20) : random.Next(25, 40));
        }
        else
        {
            var next = local.Hour is >= 8 and < 20 ? local : NextMorning(local);
            toArrival = next - local + TimeSpan.FromMinutes(random.NextDouble() < 0.88 ? random.Next(20, 110) : random.Next(125, 300));
        }

        At(Now + toArrival, () => Start(property, household, request, kind, worker, urgent));
    }

    private static DateTimeOffset NextMorning(DateTimeOffset local)
    {
        var morning = new DateTimeOffset(local.Year, local.Month, local.Day, 8, 0, 0, China);
        return local.Hour >= 20 ? morning.AddDays(1) : morning;
    }

    private void Start(SimProperty property, Household household, Guid request, Kind kind, Guid worker, bool urgent)
    {
        var update = Status(request, Requests.StatusReasons.InProgress);
        if (kind.Type == Choices.RequestType.Complaint)
        {
            update[Requests.Columns.ArrivedOn] = Now;
        }

        if (!Update("03 到场 start work", worker, update))
        {
            return;
        }

        // 有效投诉: the quality department judges about a third of the complaints while they are handled (column-secured:
        // only the analyst, who holds the Complaint Decision profile, may save it; a valid one needs its reason).
        if (kind.Type == Choices.RequestType.Complaint && random.NextDouble() < 0.35)
        {
            var valid = random.NextDouble() < 0.6;
            At(Now.AddMinutes(random.Next(20, 100)), () =>
            {
                var decision = new Entity(Requests.LogicalName, request) { [Requests.Columns.ValidComplaint] = valid };
                if (valid)
                {
                    decision[Requests.Columns.ValidComplaintReason] = "核实属实，物业方责任 / Verified: the property was at fault";
                }

                Update("04 有效投诉判定 complaint decision", company.Analyst, decision);
            });
        }

        // Waiting on the owner (parts, owner away) pauses the clocks for a day now and then.
        if (kind.Type == Choices.RequestType.Repair && !urgent && random.NextDouble() < 0.07)
        {
            At(Now.AddHours(1), () =>
            {
                Update("04 待业主确认 wait on owner", worker, Status(request, Requests.StatusReasons.WaitingOnOwner));
                At(Now.AddHours(random.Next(8, 40)), () =>
                {
                    Update("04 待业主确认 wait on owner", worker, Status(request, Requests.StatusReasons.InProgress));
                    At(Now.AddHours(random.Next(1, 5)), () => Resolve(property, household, request, kind, worker, false));
                });
            });
            return;
        }

        TimeSpan work = urgent
            ? TimeSpan.FromMinutes(random.Next(40, 200))
            : kind.Type == Choices.RequestType.Complaint
                ? TimeSpan.FromHours(random.NextDouble() < 0.9 ? random.Next(2, 40) : random.Next(50, 120))
                : TimeSpan.FromHours(random.NextDouble() < 0.9 ? 0.5 + random.NextDouble() * 5 : random.Next(26, 60));
        At(Now + work, () => Resolve(property, household, request, kind, worker, false));
    }

    private void Resolve(SimProperty property, Household household, Guid request, Kind kind, Guid worker, bool reopened)
    {
        var update = Status(request, Requests.StatusReasons.Resolved);
        if (kind.Type == Choices.RequestType.Repair)
        {
            // A repair is resolved with its work record (required): what was found and fixed, and the materials.
            update[Requests.Columns.WorkDone] = reopened ? "返工：重新处理并测试正常 / Reworked and tested" : "已检查并修复，测试正常 / Inspected, fixed and tested";
            update[Requests.Columns.Materials] = random.NextDouble() < 0.5 ? "密封圈 x1\n生料带 x1" : "无 none";
        }

        if (!Update("05 解决 resolve", worker, update))
        {
            return;
        }

        // 回访 (created by the product on resolve): the next day; a few are never called back and stay pending.
        if (random.NextDouble() < 0.98)
        {
            At(Now.AddHours(random.Next(4, 30)), () => FollowUp(property, household, request, kind, worker, reopened, 0));
        }
    }

    /// <summary>
    /// The 回访 call through <c>pcrm_RecordFollowUp</c>, by the supervisor (or, when he resolved it himself, an agent: the
    /// resolver may never record it): the owner's verification and answers, or a failed attempt. Verified fixed closes the
    /// request (the product does); not fixed reopens it for its owner, who resolves it again; three failed attempts over
    /// at least 48 hours are declared unreachable. A detractor gets a recovery case from the product, which the supervisor
    /// closes with an outcome a few days later.
    /// </summary>
    private void FollowUp(SimProperty property, Household household, Guid request, Kind kind, Guid worker, bool reopened, int failedAttempts, bool neverAnswers = false)
    {
        var caller = worker == property.Supervisor ? property.Agents[0] : property.Supervisor;
        var target = new EntityReference(Requests.LogicalName, request);

        // About one owner in ten does not answer the first call: most answer the next day, a few never do (无法联系).
        if (failedAttempts == 0 && random.NextDouble() < 0.1)
        {
            neverAnswers = random.NextDouble() < 0.4;
        }
        else if (failedAttempts == 0 || !neverAnswers)
        {
            neverAnswers = false;
            failedAttempts = -1;
        }

        if (failedAttempts >= 0)
        {
            var attempt = new OrganizationRequest(RecordFollowUpPlugin.ApiName)
            {
                [RecordFollowUpPlugin.ServiceRequestParameter] = target,
                [RecordFollowUpPlugin.AttemptFailedParameter] = true,
            };
            if (!Try("07 回访未接通 attempt failed", caller, s => s.Execute(attempt)))
            {
                return;
            }

            var attempts = failedAttempts + 1;
            if (attempts < 3)
            {
                // Tried again the next day and the day after: the third attempt is more than 48 hours after the first.
                At(Now.AddHours(attempts == 1 ? 24 : 25), () => FollowUp(property, household, request, kind, worker, reopened, neverAnswers ? attempts : -1, neverAnswers));
                return;
            }

            var unreachable = new OrganizationRequest(RecordFollowUpPlugin.ApiName)
            {
                [RecordFollowUpPlugin.ServiceRequestParameter] = target,
                [RecordFollowUpPlugin.DeclareUnreachableParameter] = true,
            };
            Try("08 无法联系 unreachable", caller, s => s.Execute(unreachable));
            return;
        }

        var call = new OrganizationRequest(RecordFollowUpPlugin.ApiName)
        {
            [RecordFollowUpPlugin.ServiceRequestParameter] = target,
            [RecordFollowUpPlugin.ChannelParameter] = new OptionSetValue(Choices.FollowUpChannel.Phone),
        };
        var stored = dataverse.Peek(Requests.LogicalName, request)!;
        var breached = stored.GetAttributeValue<OptionSetValue>(Requests.Columns.ResolutionStatus)?.Value == Choices.SlaStatus.Breached
            || stored.GetAttributeValue<OptionSetValue>(Requests.Columns.FirstResponseStatus)?.Value == Choices.SlaStatus.Breached;

        // Not fixed (返工): about one repair in twenty the first time; the product reopens it for its owner.
        var notFixed = !reopened && kind.Type == Choices.RequestType.Repair && random.NextDouble() < 0.05;
        var score = Score(breached || reopened || notFixed, household.Fussiness);
        var nps = score switch
        {
            5 => random.NextDouble() < 0.8 ? 9 + random.Next(2) : 8,
            4 => 7 + random.Next(3),
            3 => 5 + random.Next(4),
            _ => random.Next(7),
        };
        call[RecordFollowUpPlugin.VerificationParameter] = new OptionSetValue(notFixed
            ? (random.NextDouble() < 0.7 ? Choices.FixVerification.NotFixed : Choices.FixVerification.PartlyFixed)
            : Choices.FixVerification.Fixed);
        call[RecordFollowUpPlugin.SatisfactionParameter] = new OptionSetValue(Choices.Satisfaction.VeryDissatisfied + score - 1);
        call[RecordFollowUpPlugin.NpsParameter] = nps;
        call[RecordFollowUpPlugin.CommentParameter] = notFixed ? "业主反映问题仍在 / Owner says the problem is still there" : "业主已确认 / Owner confirmed";
        if (random.NextDouble() < 0.65)
        {
            call[RecordFollowUpPlugin.ReliabilityParameter] = Servqual(score, 0);
            call[RecordFollowUpPlugin.ResponsivenessParameter] = Servqual(score, 0);
            call[RecordFollowUpPlugin.AssuranceParameter] = Servqual(score, 0);
            call[RecordFollowUpPlugin.EmpathyParameter] = Servqual(score, 0);
            call[RecordFollowUpPlugin.TangiblesParameter] = Servqual(score, 1);
        }

        OrganizationResponse? response = null;
        if (!Try("07 回访 follow-up", caller, s => response = s.Execute(call)) || response is null)
        {
            return;
        }

        if (notFixed)
        {
            At(Now.AddHours(random.Next(2, 30)), () => Resolve(property, household, request, kind, worker, true));
        }

        // 挽回: the product opened a recovery case for a detractor, owned by the supervisor; he closes it with an outcome.
        var followUp = (Guid)response.Results[RecordFollowUpPlugin.FollowUpIdOutput];
        var recovery = dataverse.PeekAll(RecoveryCaseTable.LogicalName)
            .FirstOrDefault(c => c.GetAttributeValue<EntityReference>(RecoveryCaseTable.Columns.FollowUp)?.Id == followUp);
        if (recovery is null)
        {
            return;
        }

        var owner = recovery.GetAttributeValue<EntityReference>(RecoveryCaseTable.Columns.OwnerId).Id;
        At(Now.AddHours(random.Next(6, 72)), () => Update("09 挽回 recovery case", owner, new Entity(RecoveryCaseTable.LogicalName, recovery.Id)
        {
            [RecoveryCaseTable.Columns.Outcome] = new OptionSetValue(random.NextDouble() < 0.7 ? Choices.RecoveryOutcome.Recovered : Choices.RecoveryOutcome.NotRecovered),
            [RecoveryCaseTable.Columns.OutcomeNotes] = "主管上门致歉并跟进 supervisor visited and followed up",
            [RecoveryCaseTable.Columns.StateCode] = new OptionSetValue(1),
            [RecoveryCaseTable.Columns.StatusCode] = new OptionSetValue(RecoveryCaseTable.StatusReasons.Closed),
        }));
    }

    private int Servqual(int score, int tangiblesPenalty) => Math.Clamp(score + random.Next(-1, 2) - tangiblesPenalty, 1, 5);

    /// <summary>A 1–5 answer: most owners are satisfied; a breached or reworked request and a fussy owner pull it down.</summary>
    private int Score(bool badService, double fussiness)
    {
        var roll = random.NextDouble() + (badService ? 0.35 : 0) + fussiness * 0.12;
        return roll switch
        {
            < 0.55 => 5,
            < 0.93 => 4,
            < 1.02 => 3,
            < 1.15 => 2,
            _ => 1,
        };
    }

    private static Entity Status(Guid request, int statusReason) =>
        new(Requests.LogicalName, request) { [Requests.Columns.StatusCode] = new OptionSetValue(statusReason) };

    // ---------------------------------------------------------------- fees and points

    private void Bills(KpiMonth month)
    {
        var dueOn = month.FirstDay.AddDays(14);
        foreach (var household in company.Households)
        {
            var amount = decimal.Round(household.Area * 2.8m, 2);
            var bill = new Entity(FeeBillTable.LogicalName)
            {
                [FeeBillTable.Columns.Name] = $"物业费 {month} {household.UnitName}",
                [FeeBillTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, household.Owner),
                [FeeBillTable.Columns.Unit] = new EntityReference(UnitTable.LogicalName, household.Unit),
                [FeeBillTable.Columns.PeriodStart] = month.FirstDay,
                [FeeBillTable.Columns.AmountDue] = new Money(amount),
                [FeeBillTable.Columns.DueOn] = dueOn,

                // Owned by the property's service centre, like the unit and the owner: its staff record the payments.
                ["ownerid"] = new EntityReference("team", company.Properties[household.Property].Desk),
            };
            if (Create("10 账单 bill", company.Admin, bill) is not Guid billId)
            {
                continue;
            }

            var property = company.Properties[household.Property];
            double? dayOffset = household.Payer switch
            {
                PayerKind.OnTime => random.NextDouble() < 0.97 ? random.Next(0, 14) : random.Next(15, 40),
                PayerKind.Late => random.NextDouble() < 0.8 ? random.Next(16, 50) : null,
                _ => random.NextDouble() < 0.2 ? random.Next(30, 90) : null,
            };
            if (dayOffset is double days)
            {
                var paidAt = month.StartUtc.AddDays(days).AddHours(2 + random.Next(0, 12));
                At(paidAt, () => Pay(property, billId, amount));
            }
            else
            {
                // Not paid unless the 催缴 ladder or a retention case moves the owner (Simulator.Care.cs).
                unpaidBills[billId] = new UnpaidBill(property, household.Owner, amount);
            }
        }
    }

    private void Pay(SimProperty property, Guid bill, decimal amount)
    {
        var payment = new Entity(FeePaymentTable.LogicalName)
        {
            [FeePaymentTable.Columns.Name] = "缴费 payment",
            [FeePaymentTable.Columns.FeeBill] = new EntityReference(FeeBillTable.LogicalName, bill),
            [FeePaymentTable.Columns.Amount] = new Money(amount),
            [FeePaymentTable.Columns.PaidOn] = Now,
            [FeePaymentTable.Columns.Channel] = new OptionSetValue(random.NextDouble() < 0.6 ? Choices.PaymentChannel.WeChatPay : Choices.PaymentChannel.Alipay),
        };
        Create("11 缴费 payment", property.Manager, payment);
    }

    private void Redemptions(DateTime dayStartUtc)
    {
        foreach (var household in company.Households)
        {
            if (random.NextDouble() >= 0.004)
            {
                continue;
            }

            var balance = dataverse.Peek(ContactTable.LogicalName, household.Owner)?.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0;
            var reward = balance >= 500 && random.NextDouble() < 0.3 ? company.Rewards[1] : company.Rewards[0];
            if (balance < 200)
            {
                continue;
            }

            var property = company.Properties[household.Property];
            var redemption = new Entity(RedemptionTable.LogicalName)
            {
                [RedemptionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, household.Owner),
                [RedemptionTable.Columns.Reward] = new EntityReference(RewardTable.LogicalName, reward),
            };
            Create("12 兑换 redeem", NextAgent(property), redemption);
        }
    }

    // ---------------------------------------------------------------- scheduled sweeps (Custom APIs, as the admin)

    private void SlaSweep() => Sweep("20 SLA 扫描 SLA sweep", RunSlaSweepPlugin.ApiName, null);

    private void PointsExpiry() => Sweep("21 积分过期 points expiry", RunPointsExpiryPlugin.ApiName, null);

    private void TierReview() => Sweep("22 等级复核 tier review", RunTierReviewPlugin.ApiName, null);

    private void LifecycleReview() => Sweep("23 生命周期复核 lifecycle review", RunLifecycleReviewPlugin.ApiName, null);

    private void Snapshot(KpiMonth? month) => Sweep("24 KPI 快照 KPI snapshot", RunKpiSnapshotPlugin.ApiName, month?.ToString());

    private void Sweep(string kind, string api, string? month)
    {
        string? token = null;
        for (var call = 0; call < 1000; call++)
        {
            var request = new OrganizationRequest(api) { ["TimeBudgetSeconds"] = 60 };
            if (token is not null)
            {
                request["ContinuationToken"] = token;
            }

            if (month is not null)
            {
                request[RunKpiSnapshotPlugin.MonthParameter] = month;
            }

            OrganizationResponse? response = null;
            if (!Try(kind, company.Admin, s => response = s.Execute(request)) || response is null)
            {
                return;
            }

            if (!(response.Results.TryGetValue("MoreRecords", out var more) && more is true))
            {
                return;
            }

            token = response.Results["ContinuationToken"] as string;
        }
    }

    // ---------------------------------------------------------------- calls

    private Guid? Create(string kind, Guid user, Entity row)
    {
        Guid? id = null;
        return Try(kind, user, s => id = s.Create(row)) ? id : null;
    }

    private bool Update(string kind, Guid user, Entity row) => Try(kind, user, s => s.Update(row));

    /// <summary>One user operation through the organization service: counted, asynchronous steps drained, failures recorded.</summary>
    private bool Try(string kind, Guid user, Action<IOrganizationService> operation)
    {
        var ok = true;
        var started = Stopwatch.GetTimestamp();
        try
        {
            operation(dataverse.ServiceFor(user));
            var calls = dataverse.LastExecution.PluginCalls;
            Stats.Record(kind, calls.Reads, calls.Writes, calls.Total, Stopwatch.GetElapsedTime(started));
        }
        catch (DataverseFaultException ex)
        {
            Stats.Fail(kind, ex.Message);
            ok = false;
        }

        if (dataverse.PendingAsyncSteps > 0)
        {
            dataverse.DrainAsyncSteps();
        }

        if (++sinceReset >= 2000)
        {
            HarvestAsyncFailures();
        }

        return ok;
    }

    /// <summary>Records failed asynchronous steps and forgets the diagnostics gathered so far (memory stays flat).</summary>
    public void HarvestAsyncFailures()
    {
        foreach (var failure in dataverse.AsyncFailures)
        {
            Stats.Fail("99 异步步骤 async step", failure.ToString());
        }

        dataverse.ResetDiagnostics();
        sinceReset = 0;
    }

    private int Poisson(double mean)
    {
        // Knuth's method: fine for the small means of one property-day.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
