using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// One owner's points ledger, read-only: the stored entries replayed into lots, balance, caps and
/// reversals. The ledger never changes; the engine returns new entries, the caller stores them and builds
/// the next ledger with <see cref="Append"/>.
/// </summary>
/// <remarks>
/// <para>Replay walks the entries once in <see cref="PointsLedgerEntry.Sequence"/> order and keeps open lots in
/// a sorted set, so building a ledger is O(n log n) and every query afterwards is O(n) or better.</para>
/// <para>Replay also proves the ledger sound: unique keys, increasing sequence, a redemption never taking
/// more than the open lots hold, an expiry never more than its lot holds, a reversal matching what it undoes.
/// A ledger that fails is refused with <see cref="LoyaltyErrorCodes.LedgerCorrupt"/> rather than guessed at.</para>
/// <para>Reversal semantics. Reversing a redemption or an expiry puts the points back into the lots they came
/// from, with those lots' own expiry dates. Reversing an award closes its lot and takes what is still in it;
/// points from it already redeemed stay redeemed, points already expired stay expired, and a later reversal of
/// that redemption does not bring them back — wrongly awarded points never return.</para>
/// </remarks>
public sealed class PointsLedger
{
    private readonly PointsLedgerEntry[] entries;
    private readonly Dictionary<string, PointsLedgerEntry> byKey;
    private readonly Dictionary<string, PointsLedgerEntry> reversalByTarget;
    private readonly Dictionary<string, LotAllocation[]> allocations;
    private readonly Dictionary<RuleMonth, int> earnedByRuleMonth;
    private readonly Dictionary<string, int> expiriesByLot;
    private readonly HashSet<string> closedLots;
    private readonly PointsLot[] openLots;

    private PointsLedger(PointsLedgerEntry[] entries)
    {
        this.entries = entries;
        byKey = new Dictionary<string, PointsLedgerEntry>(entries.Length, StringComparer.Ordinal);
        reversalByTarget = new Dictionary<string, PointsLedgerEntry>(StringComparer.Ordinal);
        this.allocations = new Dictionary<string, LotAllocation[]>(StringComparer.Ordinal);
        earnedByRuleMonth = new Dictionary<RuleMonth, int>();
        expiriesByLot = new Dictionary<string, int>(StringComparer.Ordinal);
        closedLots = new HashSet<string>(StringComparer.Ordinal);

        var lots = new Dictionary<string, LotState>(StringComparer.Ordinal);
        var open = new SortedSet<LotState>(LotState.FifoOrder);
        long balance = 0;
        long previousSequence = 0;

        foreach (var entry in entries)
        {
            if (entry is null)
            {
                throw Corrupt("积分流水含空项", "The ledger contains an empty entry.");
            }

            if (entry.Sequence <= previousSequence)
            {
                throw Corrupt($"积分流水序号 {entry.Sequence} 未递增", $"Sequence {entry.Sequence} does not increase.");
            }

            if (byKey.ContainsKey(entry.Key))
            {
                throw Corrupt($"幂等键 {entry.Key} 重复", $"The idempotency key {entry.Key} appears twice.");
            }

            previousSequence = entry.Sequence;
            byKey.Add(entry.Key, entry);

            switch (entry.Kind)
            {
                case LedgerEntryKind.Earn:
                    ReplayEarn(entry, lots, open);
                    break;
                case LedgerEntryKind.Redeem:
                    ReplayRedeem(entry, open);
                    break;
                case LedgerEntryKind.Expire:
                    ReplayExpire(entry, lots, open);
                    break;
                case LedgerEntryKind.Reversal:
                    ReplayReversal(entry, lots, open);
                    break;
                default:
                    throw Corrupt("未知的积分流水类型", "Unknown ledger entry kind.");
            }

            balance += entry.Points;
        }

        Balance = checked((int)balance);
        NextSequence = previousSequence + 1;

        openLots = new PointsLot[open.Count];
        var index = 0;
        foreach (var lot in open)
        {
            openLots[index++] = lot.Snapshot();
        }
    }

    public static PointsLedger Empty { get; } = new PointsLedger(Array.Empty<PointsLedgerEntry>());

    /// <summary>The entries in sequence order.</summary>
    public IReadOnlyList<PointsLedgerEntry> Entries => this.entries;

    /// <summary>The sequence number the next appended entry must carry (at least).</summary>
    public long NextSequence { get; }

    /// <summary>
    /// The sum of all entries. It includes lots past their expiry that no sweep has expired yet; what the
    /// owner can spend is <see cref="AvailableBalance"/>. Never negative.
    /// </summary>
    public int Balance { get; }

    /// <summary>Replays stored entries (any order; they are sorted by sequence).</summary>
    /// <exception cref="DomainException"><see cref="LoyaltyErrorCodes.LedgerCorrupt"/> when replay fails.</exception>
    public static PointsLedger From(IEnumerable<PointsLedgerEntry> entries)
    {
        Guard.NotNull(entries, nameof(entries));

        var list = new List<PointsLedgerEntry>(entries);
        if (list.Contains(null!))
        {
            throw new ArgumentException("The entry list contains a null.", nameof(entries));
        }

        list.Sort((left, right) => left.Sequence.CompareTo(right.Sequence));
        return new PointsLedger(list.ToArray());
    }

    /// <summary>The ledger with <paramref name="newEntries"/> added after the existing ones.</summary>
    public PointsLedger Append(IEnumerable<PointsLedgerEntry> newEntries)
    {
        Guard.NotNull(newEntries, nameof(newEntries));

        var list = new List<PointsLedgerEntry>(this.entries);
        foreach (var entry in newEntries)
        {
            if (entry is null)
            {
                throw new ArgumentException("The entry list contains a null.", nameof(newEntries));
            }

            if (entry.Sequence < NextSequence)
            {
                throw Corrupt($"追加的流水序号 {entry.Sequence} 不在末尾", $"Appended sequence {entry.Sequence} is not after the existing entries.");
            }

            list.Add(entry);
        }

        list.Sort((left, right) => left.Sequence.CompareTo(right.Sequence));
        return new PointsLedger(list.ToArray());
    }

    /// <summary>The entry with this idempotency key, or null.</summary>
    public PointsLedgerEntry? Find(string key)
    {
        Guard.NotNull(key, nameof(key));

        return byKey.TryGetValue(key, out var entry) ? entry : null;
    }

    /// <summary>The reversal of the entry with this key, or null when it stands.</summary>
    public PointsLedgerEntry? ReversalOf(string key)
    {
        Guard.NotNull(key, nameof(key));

        return reversalByTarget.TryGetValue(key, out var reversal) ? reversal : null;
    }

    /// <summary>The lots a redemption or expiry took points from (empty for other entries).</summary>
    public IReadOnlyList<LotAllocation> AllocationsOf(string key)
    {
        Guard.NotNull(key, nameof(key));

        return this.allocations.TryGetValue(key, out var allocations) ? allocations : Array.Empty<LotAllocation>();
    }

    /// <summary>Points the owner can spend at <paramref name="at"/>: open lots not yet past their expiry.</summary>
    public int AvailableBalance(DateTimeOffset at)
    {
        var total = 0;
        foreach (var lot in openLots)
        {
            if (lot.ExpiresAt > at)
            {
                total += lot.Remaining;
            }
        }

        return total;
    }

    /// <summary>Open lots not yet past their expiry at <paramref name="at"/>, in the order they will be spent.</summary>
    public IReadOnlyList<PointsLot> AvailableLots(DateTimeOffset at)
    {
        var result = new List<PointsLot>(openLots.Length);
        foreach (var lot in openLots)
        {
            if (lot.ExpiresAt > at)
            {
                result.Add(lot);
            }
        }

        return result;
    }

    /// <summary>
    /// What is still open in lots whose last day falls in <paramref name="month"/>: what will expire then unless
    /// the owner spends it first. Lots already past expiry but not yet swept are included for their month.
    /// </summary>
    public ExpiringPoints ExpiringIn(YearMonth month)
    {
        var lots = new List<PointsLot>();
        var total = 0;
        foreach (var lot in openLots)
        {
            if (lot.ExpiresOn.YearMonth == month)
            {
                lots.Add(lot);
                total += lot.Remaining;
            }
        }

        return new ExpiringPoints(month, total, lots);
    }

    /// <summary>
    /// Activity points (every rule but fee payment) awarded in the 12 months to <paramref name="asOf"/>
    /// ((asOf − 12 months, asOf], China dates), not counting reversed awards. Spending or expiry does not
    /// reduce it: it measures taking part, not the balance. This is the tier engagement figure.
    /// </summary>
    public int EngagementPoints(ChinaDate asOf)
    {
        var windowStartExclusive = asOf.AddMonths(-12);
        var total = 0;
        foreach (var entry in this.entries)
        {
            if (entry.Kind != LedgerEntryKind.Earn || !EarnRule.IsActivity(entry.Rule!.Value) || closedLots.Contains(entry.Key))
            {
                continue;
            }

            var earnedOn = ChinaDate.FromInstant(entry.OccurredAt);
            if (earnedOn > windowStartExclusive && earnedOn <= asOf)
            {
                total += entry.Points;
            }
        }

        return total;
    }

    /// <summary>Points <paramref name="rule"/> awarded for events in <paramref name="month"/>, net of reversed awards.</summary>
    public int EarnedInMonth(EarnRuleCode rule, YearMonth month) =>
        earnedByRuleMonth.TryGetValue(new RuleMonth(rule, month), out var points) ? points : 0;

    /// <summary>Open lots in FIFO order, including any past expiry that no sweep has taken yet.</summary>
    internal IReadOnlyList<PointsLot> OpenLots => openLots;

    /// <summary>How many expiry entries a lot already has (for the next expiry key).</summary>
    internal int ExpiriesOf(string lotKey) => expiriesByLot.TryGetValue(lotKey, out var count) ? count : 0;

    /// <summary>Whether an award's lot was closed by reversing the award.</summary>
    internal bool IsClosed(string lotKey) => closedLots.Contains(lotKey);

    private void ReplayEarn(PointsLedgerEntry entry, Dictionary<string, LotState> lots, SortedSet<LotState> open)
    {
        if (entry.Rule is not EarnRuleCode rule || entry.ExpiresOn is not ChinaDate expiresOn)
        {
            throw Corrupt($"获得积分流水 {entry.Key} 缺少规则或到期日", $"Award {entry.Key} lacks its rule or expiry date.");
        }

        var lot = new LotState(entry.Key, rule, entry.OccurredAt, expiresOn, entry.Sequence, entry.Points);
        lots.Add(entry.Key, lot);
        open.Add(lot);

        var month = new RuleMonth(rule, ChinaDate.FromInstant(entry.OccurredAt).YearMonth);
        earnedByRuleMonth[month] = EarnedInMonth(rule, month.Month) + entry.Points;
    }

    private void ReplayRedeem(PointsLedgerEntry entry, SortedSet<LotState> open)
    {
        var needed = -entry.Points;
        var allocations = new List<LotAllocation>();
        while (needed > 0)
        {
            if (open.Count == 0)
            {
                throw Corrupt($"兑换 {entry.Key} 使积分为负", $"Redemption {entry.Key} would take the balance below zero.");
            }

            var lot = open.Min!;
            var taken = Math.Min(lot.Remaining, needed);
            lot.Remaining -= taken;
            needed -= taken;
            allocations.Add(new LotAllocation(lot.Key, taken));
            if (lot.Remaining == 0)
            {
                open.Remove(lot);
            }
        }

        this.allocations.Add(entry.Key, allocations.ToArray());
    }

    private void ReplayExpire(PointsLedgerEntry entry, Dictionary<string, LotState> lots, SortedSet<LotState> open)
    {
        if (!lots.TryGetValue(entry.LotKey!, out var lot) || lot.Closed || lot.Remaining < -entry.Points)
        {
            throw Corrupt($"过期流水 {entry.Key} 与积分批次不符", $"Expiry {entry.Key} does not match an open lot.");
        }

        lot.Remaining += entry.Points;
        if (lot.Remaining == 0)
        {
            open.Remove(lot);
        }

        expiriesByLot[lot.Key] = ExpiriesOf(lot.Key) + 1;
        this.allocations.Add(entry.Key, new[] { new LotAllocation(lot.Key, -entry.Points) });
    }

    private void ReplayReversal(PointsLedgerEntry entry, Dictionary<string, LotState> lots, SortedSet<LotState> open)
    {
        var targetKey = entry.ReversesKey!;
        if (!byKey.TryGetValue(targetKey, out var target) || target.Sequence >= entry.Sequence)
        {
            throw Corrupt($"冲正 {entry.Key} 指向不存在的流水", $"Reversal {entry.Key} points to no earlier entry.");
        }

        if (target.Kind == LedgerEntryKind.Reversal)
        {
            throw Corrupt($"冲正 {entry.Key} 冲正了另一条冲正", $"Reversal {entry.Key} reverses a reversal.");
        }

        if (reversalByTarget.ContainsKey(targetKey))
        {
            throw Corrupt($"流水 {targetKey} 被冲正两次", $"Entry {targetKey} is reversed twice.");
        }

        reversalByTarget.Add(targetKey, entry);

        int expected;
        if (target.Kind == LedgerEntryKind.Earn)
        {
            var lot = lots[targetKey];
            expected = -lot.Remaining;
            if (lot.Remaining > 0)
            {
                open.Remove(lot);
            }

            lot.Remaining = 0;
            lot.Closed = true;
            closedLots.Add(targetKey);
            var month = new RuleMonth(lot.Rule, ChinaDate.FromInstant(lot.EarnedAt).YearMonth);
            earnedByRuleMonth[month] = EarnedInMonth(lot.Rule, month.Month) - target.Points;
        }
        else
        {
            expected = 0;
            foreach (var allocation in this.allocations[targetKey])
            {
                var lot = lots[allocation.LotKey];
                if (lot.Closed)
                {
                    continue;
                }

                lot.Remaining += allocation.Points;
                expected += allocation.Points;
                open.Add(lot);
            }
        }

        if (entry.Points != expected)
        {
            throw Corrupt(
                $"冲正 {entry.Key} 的积分 {entry.Points} 应为 {expected}",
                $"Reversal {entry.Key} changes {entry.Points} points; replay says {expected}.");
        }
    }

    private static DomainException Corrupt(string chinese, string english) =>
        new DomainException(LoyaltyErrorCodes.LedgerCorrupt, "积分流水无效:" + chinese + " / Invalid points ledger: " + english);

    /// <summary>Dictionary key for monthly caps (no ValueTuple on .NET Framework 4.6.2).</summary>
    private readonly record struct RuleMonth(EarnRuleCode Rule, YearMonth Month);

    /// <summary>A lot while replaying; mutable, never leaves the ledger (see <see cref="Snapshot"/>).</summary>
    private sealed class LotState
    {
        public static readonly IComparer<LotState> FifoOrder = Comparer<LotState>.Create(Compare);

        public LotState(string key, EarnRuleCode rule, DateTimeOffset earnedAt, ChinaDate expiresOn, long sequence, int points)
        {
            Key = key;
            Rule = rule;
            EarnedAt = earnedAt;
            ExpiresOn = expiresOn;
            Sequence = sequence;
            Points = points;
            Remaining = points;
        }

        public string Key { get; }

        public EarnRuleCode Rule { get; }

        public DateTimeOffset EarnedAt { get; }

        public ChinaDate ExpiresOn { get; }

        public long Sequence { get; }

        public int Points { get; }

        public int Remaining { get; set; }

        public bool Closed { get; set; }

        public PointsLot Snapshot() => new PointsLot(Key, Rule, EarnedAt, ExpiresOn, Points, Remaining);

        // Soonest expiry, then earliest earned, then ledger order: a total order, as a sorted set needs.
        private static int Compare(LotState? left, LotState? right)
        {
            if (ReferenceEquals(left, right))
            {
                return 0;
            }

            if (left is null)
            {
                return -1;
            }

            if (right is null)
            {
                return 1;
            }

            var byExpiry = left.ExpiresOn.CompareTo(right.ExpiresOn);
            if (byExpiry != 0)
            {
                return byExpiry;
            }

            var byEarned = left.EarnedAt.CompareTo(right.EarnedAt);
            return byEarned != 0 ? byEarned : left.Sequence.CompareTo(right.Sequence);
        }
    }
}
