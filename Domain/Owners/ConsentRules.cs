using System;

namespace PropertyCrm.Domain.Owners;

/// <summary>
/// Stamps consent dates. Staff change the flag; the dates follow from it so that every grant and
/// withdrawal is dated without relying on someone remembering to type a date.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Granting (false → true) dates the grant: the date staff entered, else <c>now</c>.</item>
/// <item>Withdrawing (true → false) dates the withdrawal the same way and keeps the grant date.</item>
/// <item>An unchanged flag changes no date.</item>
/// <item>A date in the future, or a withdrawal dated before the grant, is refused: consent evidence
/// must describe something that has happened.</item>
/// </list>
/// </remarks>
public static class ConsentRules
{
    public static ConsentRecord Apply(ConsentPurpose purpose, ConsentRecord current, ConsentChange change, DateTimeOffset now)
    {
        Guard.NotNull(current, nameof(current));
        Guard.NotNull(change, nameof(change));

        RefuseFuture(purpose, change.GrantedOnEntered, now);
        RefuseFuture(purpose, change.WithdrawnOnEntered, now);

        if (change.Granted is not bool granted || granted == current.Granted)
        {
            return current;
        }

        if (granted)
        {
            return new ConsentRecord(true, change.GrantedOnEntered ?? now, current.WithdrawnOn);
        }

        var withdrawnOn = change.WithdrawnOnEntered ?? now;
        if (current.GrantedOn is DateTimeOffset grantedOn && withdrawnOn < grantedOn)
        {
            throw new DomainException(
                "consent.withdrawn-before-granted",
                $"撤回{Label(purpose).Chinese}同意的日期不能早于同意日期 / The {Label(purpose).English} consent cannot be withdrawn before it was given.");
        }

        return new ConsentRecord(false, current.GrantedOn, withdrawnOn);
    }

    private static void RefuseFuture(ConsentPurpose purpose, DateTimeOffset? entered, DateTimeOffset now)
    {
        if (entered is DateTimeOffset date && date > now)
        {
            throw new DomainException(
                "consent.date-in-future",
                $"{Label(purpose).Chinese}同意的日期不能晚于当前时间 / The {Label(purpose).English} consent date cannot be in the future.");
        }
    }

    private static BilingualLabel Label(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Marketing => new BilingualLabel("营销", "marketing"),
        ConsentPurpose.SensitiveData => new BilingualLabel("敏感个人信息", "sensitive-data"),
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    // No tuples: System.ValueTuple is not part of .NET Framework 4.6.2, which the plug-in targets.
    private sealed record BilingualLabel(string Chinese, string English);
}
