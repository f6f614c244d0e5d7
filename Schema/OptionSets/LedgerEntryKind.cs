namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Ledger Entry Kind (积分流水类型). The four things that can happen to a points balance: earn, redeem, expire, reversal. Values: 548210000 + the domain enum value (LedgerEntryKind, 1-based: Earn = 548210001).</summary>
public static class LedgerEntryKind
{
    public const string Name = "pcrm_ledgerentrykind";

    /// <summary>获得 / Earn</summary>
    public const int Earn = 548210001;

    /// <summary>兑换 / Redeem</summary>
    public const int Redeem = 548210002;

    /// <summary>过期 / Expire</summary>
    public const int Expire = 548210003;

    /// <summary>冲正 / Reversal</summary>
    public const int Reversal = 548210004;
}
