using System;

namespace PropertyCrm.Domain;

/// <summary>
/// Argument checks in one place, in the manner of NodaTime's <c>Preconditions</c>: a caller's mistake (a null or an
/// out-of-range argument) is a programming error, so it throws the framework's argument exceptions, never a
/// <see cref="DomainException"/> (that is for input a rule refuses).
/// </summary>
public static class Guard
{
    /// <summary>Returns <paramref name="value"/>; throws <see cref="ArgumentNullException"/> when it is null.</summary>
    public static T NotNull<T>(T value, string paramName)
        where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    /// <summary>Returns <paramref name="value"/>; throws <see cref="ArgumentOutOfRangeException"/> outside [min, max].</summary>
    public static int InRange(int value, int min, int max, string paramName) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"Must be {min}-{max}.");
}
