namespace PropertyCrm.Domain.Owners;

/// <summary>
/// PIPL art. 28–29: sensitive personal information (ID numbers, a minor's birth date, health data) may be processed only
/// with the individual's separate consent for it. Saving such a value while the owner's sensitive-data consent is not in
/// effect after the save is refused; clearing one is always allowed.
/// </summary>
public static class SensitiveDataRules
{
    public const string ConsentRequired = "pipl.sensitive-consent-required";

    /// <param name="whatChinese">The value in Chinese, e.g. "证件号码".</param>
    /// <param name="whatEnglish">The value in English, e.g. "the ID number".</param>
    public static void RequireConsent(bool savesSensitiveValue, bool consentInEffect, string whatChinese, string whatEnglish)
    {
        if (savesSensitiveValue && !consentInEffect)
        {
            throw new DomainException(
                ConsentRequired,
                $"保存{whatChinese}须先取得业主对敏感个人信息的单独同意(《个人信息保护法》第二十八、二十九条);请先登记该同意 / Saving {whatEnglish} needs the owner's separate consent to sensitive personal information (PIPL articles 28-29); record that consent first.");
        }
    }
}
