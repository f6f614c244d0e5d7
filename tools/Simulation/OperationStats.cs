using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Simulation;

/// <summary>
/// Organization-service calls the plug-ins made per user operation, by kind, against the budgets the test suite asserts
/// (README: creating a request ≤ 1 read cold and no extra write; a least-loaded acceptance ≤ 3 reads warm, cold caches one
/// more each for the SLA configuration and the dispatch rules).
/// </summary>
public sealed class OperationStats
{
    private readonly SortedDictionary<string, Kind> kinds = new(StringComparer.Ordinal);

    /// <summary>Budgets in plug-in calls (reads, writes) per operation; kinds without one are reported only.</summary>
    public static readonly IReadOnlyDictionary<string, (int Reads, int Writes)> Budgets = new Dictionary<string, (int Reads, int Writes)>(StringComparer.Ordinal)
    {
        ["01 登记 log request"] = (2, 0),
        ["02 受理 accept (dispatch)"] = (5, 2),
    };

    public int Operations { get; private set; }

    public int Failures => kinds.Values.Sum(k => k.Failures);

    public IEnumerable<Kind> Kinds => kinds.Values;

    public void Record(string kind, int reads, int writes, int total, TimeSpan elapsed)
    {
        Operations++;
        var k = Get(kind);
        k.Count++;
        k.Reads += reads;
        k.Writes += writes;
        k.Calls += total;
        k.Elapsed += elapsed;
        k.MaxReads = Math.Max(k.MaxReads, reads);
        k.MaxWrites = Math.Max(k.MaxWrites, writes);
        k.MaxCalls = Math.Max(k.MaxCalls, total);
    }

    public void Fail(string kind, string message)
    {
        Operations++;
        var k = Get(kind);
        k.Failures++;
        k.FirstFailure ??= message;
    }

    private Kind Get(string kind)
    {
        if (!kinds.TryGetValue(kind, out var k))
        {
            k = new Kind(kind);
            kinds.Add(kind, k);
        }

        return k;
    }

    /// <summary>One kind of operation's totals.</summary>
    public sealed class Kind
    {
        public Kind(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public int Count { get; set; }

        public int Failures { get; set; }

        public string? FirstFailure { get; set; }

        public long Reads { get; set; }

        public long Writes { get; set; }

        public long Calls { get; set; }

        public int MaxReads { get; set; }

        public int MaxWrites { get; set; }

        public int MaxCalls { get; set; }

        /// <summary>Wall time spent in the operations (harness included): where a run's time goes.</summary>
        public TimeSpan Elapsed { get; set; }

        public double CallsPerOperation => Count == 0 ? 0 : (double)Calls / Count;

        /// <summary>"ok", "over" or "—" (no budget asserted for the kind).</summary>
        public string BudgetVerdict =>
            !Budgets.TryGetValue(Name, out var budget) ? "—" : MaxReads <= budget.Reads && MaxWrites <= budget.Writes ? "ok" : "over";

        public string BudgetText => Budgets.TryGetValue(Name, out var budget) ? $"≤{budget.Reads}R ≤{budget.Writes}W" : "—";
    }
}
