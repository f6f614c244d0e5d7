namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// Idempotency keys: one per ledger entry, derived from what caused it, so a repeated plug-in run, retry or
/// replayed message finds its entry instead of adding a second one. Store them in an alternate key on the
/// ledger table (owner + key) so that two concurrent runs cannot both append.
/// </summary>
public static class LedgerKeys
{
    /// <summary>"earn:{rule}:{source}"; once-per-owner rules are "earn:{rule}".</summary>
    public static string Earn(EarnRuleCode rule, string sourceId)
    {
        var fragment = EarnRuleNames.KeyFragment(rule);
        return EarnRule.IsOncePerOwner(rule) ? "earn:" + fragment : "earn:" + fragment + ":" + sourceId;
    }

    /// <summary>"redeem:{redemption id}".</summary>
    public static string Redeem(string redemptionId) => "redeem:" + redemptionId;

    /// <summary>
    /// "expire:{lot key}#{n}": a lot expires once, unless a reversal later put points back into it, in which
    /// case the next sweep expires them again as number n + 1.
    /// </summary>
    public static string Expire(string lotKey, int occurrence) =>
        "expire:" + lotKey + "#" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"reverse:{reversed entry key}": an entry is reversed at most once.</summary>
    public static string Reversal(string reversedKey) => "reverse:" + reversedKey;
}
