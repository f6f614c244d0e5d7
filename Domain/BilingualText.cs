namespace PropertyCrm.Domain;

/// <summary>
/// A reason in both languages, kept apart while it is being composed (a tier change quotes its
/// qualification) and joined as "中文 / English" only when it leaves the domain. Shared by every area, and the
/// one place that join is written.
/// </summary>
internal sealed record BilingualText(string Chinese, string English)
{
    public override string ToString() => Chinese + " / " + English;
}
