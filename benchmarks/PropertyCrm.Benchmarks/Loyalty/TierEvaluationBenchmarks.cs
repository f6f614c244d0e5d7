using System;
using BenchmarkDotNet.Attributes;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Benchmarks.Loyalty;

/// <summary>
/// Tier evaluation for one owner: derive the fee standing from raw bills and payments, then assess. 36 months is
/// the realistic case; 360 and 3,600 show the growth, which should be close to linear (one sort per bill's
/// payments, one pass over bills).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet generates a subclass to run it.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class TierEvaluationBenchmarks
{
    private static readonly ChinaDate AsOf = new ChinaDate(2026, 6, 30);
    private readonly TierPolicy policy = new TierPolicy(TierRules.Default);
    private FeeBill[] bills = Array.Empty<FeeBill>();
    private FeePayment[] payments = Array.Empty<FeePayment>();

    [Params(36, 360, 3_600)]
    public int Months { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var first = AsOf.YearMonth.AddMonths(-Months + 1);
        this.bills = new FeeBill[Months];
        this.payments = new FeePayment[Months];
        for (var i = 0; i < Months; i++)
        {
            var period = first.AddMonths(i);
            var due = new ChinaDate(period.Year, period.Month, 15);
            this.bills[i] = new FeeBill("B" + i, period, 450m, due);

            // Every seventh bill is paid ten days late, so the on-time ratio has work to do.
            var paidOn = i % 7 == 0 ? due.AddDays(10) : due.AddDays(-2);
            this.payments[i] = new FeePayment("P" + i, "B" + i, 450m, paidOn.StartInstant.AddHours(10));
        }
    }

    [Benchmark(Description = "Derive standing + assess tier")]
    public TierAssessment DeriveAndAssess()
    {
        var standing = FeeStanding.Derive(this.bills, this.payments, AsOf);
        return policy.Assess(OwnerTier.Gold, standing, 120, TierTrigger.PeriodicReview);
    }
}
