namespace PropertyCrm.Domain;

/// <summary>
/// Refusing text that is longer than where it goes (a Custom API input, a column whose value is an identity such as a
/// source id or an idempotency key). Refused rather than cut: cutting would silently change what the caller meant, and
/// a cut key could collide with another; the message says the limit and the length received, so nothing is lost.
/// </summary>
public static class TextLimits
{
    /// <summary>Error code of the refusal.</summary>
    public const string TooLongCode = "text.too-long";

    /// <summary>Returns <paramref name="value"/> when it has at most <paramref name="maxLength"/> characters (null passes).</summary>
    /// <param name="name">What the value is, as the caller knows it (the parameter name).</param>
    /// <exception cref="DomainException"><see cref="TooLongCode"/>, bilingual.</exception>
    public static string? RequireAtMost(string? value, int maxLength, string name)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        throw new DomainException(
            TooLongCode,
            $"{name} 最多 {maxLength} 个字符,收到 {value.Length} 个;未做任何更改,请缩短后重试 / {name} takes at most {maxLength} characters but got {value.Length}; nothing was changed, shorten it and try again.");
    }
}
