namespace PropertyCrm.Domain.Collection;

/// <summary>
/// Marketing messages go only to owners who gave the marketing consent (DOMAIN.md, PIPL: consent is explicit and per
/// purpose, marketing needs its own, no marketing use without consent; issue 13). A service notice — a fee reminder, a
/// repair appointment — is part of the property service the owner is under contract for, not marketing, so it needs no
/// marketing consent; it must then carry nothing but the notice (no offer, no advertisement), or it is marketing again.
/// </summary>
public static class MarketingConsentRules
{
    /// <summary>Refuses a marketing message for an owner whose marketing consent is not in effect.</summary>
    public static void RequireConsent(bool isMarketing, bool consentInEffect)
    {
        if (isMarketing && !consentInEffect)
        {
            throw new DomainException(
                CollectionErrorCodes.MarketingConsentRequired,
                "该业主未同意接收营销信息,不能保存营销类消息(《个人信息保护法》:按目的单独取得同意);服务通知(如缴费提醒)不受此限 / This owner has not given the marketing consent, so a marketing message cannot be saved (PIPL: consent per purpose); service notices such as fee reminders are not affected.");
        }
    }
}
