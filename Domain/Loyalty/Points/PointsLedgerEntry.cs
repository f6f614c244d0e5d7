using System;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// One line of an owner's append-only points ledger. <see cref="Points"/> is the change to the balance:
/// positive for <see cref="LedgerEntryKind.Earn"/>, negative for <see cref="LedgerEntryKind.Redeem"/> and
/// <see cref="LedgerEntryKind.Expire"/>, either sign for a <see cref="LedgerEntryKind.Reversal"/>.
/// </summary>
/// <remarks>
/// Built by <see cref="PointsEngine"/> for new entries and by the factories here when plug-ins load stored
/// rows. The factories check each entry on its own; <see cref="PointsLedger.From"/> checks them together.
/// </remarks>
public sealed record PointsLedgerEntry
{
    private PointsLedgerEntry(string key, long sequence, LedgerEntryKind kind, int points, DateTimeOffset occurredAt, string description)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw Invalid("积分流水缺少幂等键", "A ledger entry needs an idempotency key.");
        }

        if (sequence < 1)
        {
            throw Invalid("积分流水序号须从 1 开始", "Ledger sequence numbers start at 1.");
        }

        Key = key;
        Sequence = sequence;
        Kind = kind;
        Points = points;
        OccurredAt = occurredAt;
        Description = description ?? string.Empty;
    }

    /// <summary>The idempotency key (<see cref="LedgerKeys"/>); unique within the owner's ledger.</summary>
    public string Key { get; }

    /// <summary>Append order, strictly increasing. Lots, caps and balances are replayed in this order.</summary>
    public long Sequence { get; }

    public LedgerEntryKind Kind { get; }

    /// <summary>The signed change to the balance.</summary>
    public int Points { get; }

    /// <summary>
    /// When it took effect: the event time for an award, the request time for a redemption or reversal, and
    /// the lot's expiry instant (00:00 +08:00 after its last day) for an expiry.
    /// </summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>"中文 / English" line for the owner's points history.</summary>
    public string Description { get; }

    /// <summary>Earn only: the rule that awarded it.</summary>
    public EarnRuleCode? Rule { get; private init; }

    /// <summary>Earn: the source record. Redeem: the redemption record.</summary>
    public string? SourceId { get; private init; }

    /// <summary>Earn only: the last China date the lot can be used.</summary>
    public ChinaDate? ExpiresOn { get; private init; }

    /// <summary>Expire only: the key of the Earn entry whose lot expired.</summary>
    public string? LotKey { get; private init; }

    /// <summary>Reversal only: the key of the entry it undoes.</summary>
    public string? ReversesKey { get; private init; }

    /// <summary>Redeem only: the catalogue code and how many were taken.</summary>
    public string? RewardCode { get; private init; }

    public int? Quantity { get; private init; }

    public static PointsLedgerEntry Earn(
        string key,
        long sequence,
        EarnRuleCode rule,
        string sourceId,
        int points,
        DateTimeOffset occurredAt,
        ChinaDate expiresOn,
        string description)
    {
        if (!Enum.IsDefined(typeof(EarnRuleCode), rule))
        {
            throw Invalid("未知的积分规则", "Unknown earn rule.");
        }

        if (points <= 0)
        {
            throw Invalid("获得积分须大于零", "An award must be more than zero points.");
        }

        if (ChinaDate.FromInstant(occurredAt) > expiresOn)
        {
            throw Invalid("积分到期日早于获得日", "Points cannot expire before they are earned.");
        }

        return new PointsLedgerEntry(key, sequence, LedgerEntryKind.Earn, points, occurredAt, description)
        {
            Rule = rule,
            SourceId = Required(sourceId, nameof(sourceId)),
            ExpiresOn = expiresOn,
        };
    }

    public static PointsLedgerEntry Redeem(
        string key,
        long sequence,
        string redemptionId,
        string rewardCode,
        int quantity,
        int points,
        DateTimeOffset occurredAt,
        string description)
    {
        if (points >= 0)
        {
            throw Invalid("兑换须扣减积分", "A redemption must take points (a negative change).");
        }

        if (quantity < 1)
        {
            throw Invalid("兑换数量至少为 1", "A redemption takes at least one item.");
        }

        return new PointsLedgerEntry(key, sequence, LedgerEntryKind.Redeem, points, occurredAt, description)
        {
            SourceId = Required(redemptionId, nameof(redemptionId)),
            RewardCode = Required(rewardCode, nameof(rewardCode)),
            Quantity = quantity,
        };
    }

    public static PointsLedgerEntry Expire(string key, long sequence, string lotKey, int points, DateTimeOffset occurredAt, string description)
    {
        if (points >= 0)
        {
            throw Invalid("过期须扣减积分", "An expiry must take points (a negative change).");
        }

        return new PointsLedgerEntry(key, sequence, LedgerEntryKind.Expire, points, occurredAt, description)
        {
            LotKey = Required(lotKey, nameof(lotKey)),
        };
    }

    /// <param name="points">The signed change; zero is allowed when an award is reversed after all its
    /// points were spent or expired: the entry still closes the lot.</param>
    public static PointsLedgerEntry Reversal(string key, long sequence, string reversesKey, int points, DateTimeOffset occurredAt, string description) =>
        new PointsLedgerEntry(key, sequence, LedgerEntryKind.Reversal, points, occurredAt, description)
        {
            ReversesKey = Required(reversesKey, nameof(reversesKey)),
        };

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw Invalid("积分流水缺少关联记录", "A ledger entry is missing its reference: " + name + ".")
            : value;

    private static DomainException Invalid(string chinese, string english) =>
        new DomainException(LoyaltyErrorCodes.InvalidEntry, new BilingualText(chinese, english).ToString());
}
