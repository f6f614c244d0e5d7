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
    private readonly PointsEngine _engine = new PointsEngine(PointsRules.Default with
    {
        // No caps here: the generator awards far more often than any cap would allow.
        EarnRules = new[] { new EarnRule(EarnRuleCode.CommunityEventAttended) { PointsPerEvent = 50 } },
    });

    private readonly RewardItem _reward = new RewardItem("GIFT", RewardKind.Gift, "礼品 / Gift", 100) { Stock = 1_000 };
    private PointsLedgerEntry[] _entries = Array.Empty<PointsLedgerEntry>();
    private PointsLedger _ledger = PointsLedger.Empty;
    private DateTimeOffset _end;
    private DateTimeOffset _sweepAt;

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
                var sweep = _engine.SweepExpired(PointsLedger.From(entries), new ChinaDate(year, 1, 1).StartInstant);
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
                    "earn:event:" + source, sequence, EarnRuleCode.CommunityEventAttended, source, 50, at, _engine.Rules.ExpiresOn(date), "活动 / Event"));
                balance += 50;
            }

            at = at.AddHours(2);
        }

        _entries = entries.GetRange(0, Entries).ToArray();
        _ledger = PointsLedger.From(_entries);
        _end = _entries[_entries.Length - 1].OccurredAt;

        // Three years on, every open lot is past expiry: the heaviest possible sweep.
        _sweepAt = _end.AddYears(3);
    }

    [Benchmark(Description = "Load: replay stored entries")]
    public PointsLedger Load() => PointsLedger.From(_entries);

    [Benchmark(Description = "Load + available balance")]
    public int LoadAndBalance() => PointsLedger.From(_entries).AvailableBalance(_end);

    [Benchmark(Description = "Load + expiry sweep (all open lots)")]
    public ExpirySweep LoadAndSweep() => _engine.SweepExpired(PointsLedger.From(_entries), _sweepAt);

    [Benchmark(Description = "Loaded: available balance")]
    public int AvailableBalance() => _ledger.AvailableBalance(_end);

    [Benchmark(Description = "Loaded: expiry sweep (all open lots)")]
    public ExpirySweep Sweep() => _engine.SweepExpired(_ledger, _sweepAt);

    [Benchmark(Description = "Loaded: points expiring in a month")]
    public ExpiringPoints ExpiringNextDecember() => _ledger.ExpiringIn(new YearMonth(ChinaDate.FromInstant(_end).Year + 1, 12));

    [Benchmark(Description = "Loaded: redeem (FIFO allocation)")]
    public RedemptionResult Redeem() => _engine.Redeem(_ledger, _reward, 1, "bench", OwnerTier.Standard, _end);

    [Benchmark(Description = "Loaded: award (idempotency + cap lookups)")]
    public EarnResult Earn() => _engine.Earn(
        _ledger, new LoyaltyEvent(LoyaltyEventKind.CommunityEventAttended, "bench", _end), OwnerTier.Standard, _end);

    [Benchmark(Description = "Loaded: engagement points (12 months)")]
    public int Engagement() => _ledger.EngagementPoints(ChinaDate.FromInstant(_end));
}
