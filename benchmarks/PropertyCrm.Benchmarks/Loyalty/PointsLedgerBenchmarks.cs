using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Benchmarks.Loyalty;

/// <summary>
/// Balance and expiry over one owner's ledger of 1k, 10k and 100k stored entries (10k is the target): loading
/// (replay), what the plug-in does per request (balance, redemption, award), and the nightly expiry sweep.
/// Loading is O(n log n) (a sorted set of open lots); the queries on a loaded ledger are O(n) or better.
/// </summary>
/// <remarks>
/// The ledger is a realistic mix built once per size: an award every two hours (50 points), every fifth entry a
/// 100-point redemption, and the 1 January sweep entries at each year boundary, so lots are opened, spent in
/// FIFO order and expired as in production. Public and unsealed because BenchmarkDotNet generates a subclass
/// to run it.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
public class PointsLedgerBenchmarks
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2020, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private readonly PointsEngine engine = new PointsEngine(PointsRules.Default with
    {
        // No caps here: the generator awards far more often than any cap would allow.
        EarnRules = new[] { new EarnRule(EarnRuleCode.CommunityEventAttended) { PointsPerEvent = 50 } },
    });

    private readonly RewardItem reward = new RewardItem("GIFT", RewardKind.Gift, "礼品 / Gift", 100) { Stock = 1_000 };
    private PointsLedgerEntry[] entries = Array.Empty<PointsLedgerEntry>();
    private PointsLedger ledger = PointsLedger.Empty;
    private DateTimeOffset end;
    private DateTimeOffset sweepAt;

    [Params(1_000, 10_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = new List<PointsLedgerEntry>(Entries);
        var balance = 0;
        var at = Start;
        var year = ChinaDate.FromInstant(at).Year;
        while (entries.Count < Entries)
        {
            var date = ChinaDate.FromInstant(at);
            if (date.Year != year)
            {
                year = date.Year;
                var sweep = engine.SweepExpired(PointsLedger.From(entries), new ChinaDate(year, 1, 1).StartInstant);
                entries.AddRange(sweep.Entries);
                balance -= sweep.ExpiredPoints;
            }

            var sequence = entries.Count == 0 ? 1 : entries[entries.Count - 1].Sequence + 1;
            if (entries.Count % 5 == 4 && balance >= 100)
            {
                entries.Add(PointsLedgerEntry.Redeem("redeem:r" + sequence, sequence, "r" + sequence, "GIFT", 1, -100, at, "兑换 / Redeemed"));
                balance -= 100;
            }
            else
            {
                var source = "ev" + sequence;
                entries.Add(PointsLedgerEntry.Earn(
                    "earn:event:" + source, sequence, EarnRuleCode.CommunityEventAttended, source, 50, at, engine.Rules.ExpiresOn(date), "活动 / Event"));
                balance += 50;
            }

            at = at.AddHours(2);
        }

        this.entries = entries.GetRange(0, Entries).ToArray();
        this.ledger = PointsLedger.From(this.entries);
        end = this.entries[this.entries.Length - 1].OccurredAt;

        // Three years on, every open lot is past expiry: the heaviest possible sweep.
        sweepAt = end.AddYears(3);
    }

    [Benchmark(Description = "Load: replay stored entries")]
    public PointsLedger Load() => PointsLedger.From(this.entries);

    [Benchmark(Description = "Load + available balance")]
    public int LoadAndBalance() => PointsLedger.From(this.entries).AvailableBalance(end);

    [Benchmark(Description = "Load + expiry sweep (all open lots)")]
    public ExpirySweep LoadAndSweep() => engine.SweepExpired(PointsLedger.From(this.entries), sweepAt);

    [Benchmark(Description = "Loaded: available balance")]
    public int AvailableBalance() => this.ledger.AvailableBalance(end);

    [Benchmark(Description = "Loaded: expiry sweep (all open lots)")]
    public ExpirySweep Sweep() => engine.SweepExpired(this.ledger, sweepAt);

    [Benchmark(Description = "Loaded: points expiring in a month")]
    public ExpiringPoints ExpiringNextDecember() => this.ledger.ExpiringIn(new YearMonth(ChinaDate.FromInstant(end).Year + 1, 12));

    [Benchmark(Description = "Loaded: redeem (FIFO allocation)")]
    public RedemptionResult Redeem() => engine.Redeem(this.ledger, reward, 1, "bench", OwnerTier.Standard, end);

    [Benchmark(Description = "Loaded: award (idempotency + cap lookups)")]
    public EarnResult Earn() => engine.Earn(
        this.ledger, new LoyaltyEvent(LoyaltyEventKind.CommunityEventAttended, "bench", end), OwnerTier.Standard, end);

    [Benchmark(Description = "Loaded: engagement points (12 months)")]
    public int Engagement() => this.ledger.EngagementPoints(ChinaDate.FromInstant(end));
}
