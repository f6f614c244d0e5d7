using System;
using System.Globalization;

namespace PropertyCrm.Tests.Domain;

/// <summary>Reads the ISO 8601 strings test tables are written in; an offset is mandatory so no test depends on the machine's zone.</summary>
internal static class Iso
{
    public static DateTimeOffset At(string text)
    {
        var hasOffset = text.EndsWith("Z", StringComparison.Ordinal)
            || (text.Length > 6 && (text[text.Length - 6] == '+' || text[text.Length - 6] == '-') && text[text.Length - 3] == ':');
        if (!hasOffset)
        {
            throw new ArgumentException($"Test instant '{text}' has no offset.", nameof(text));
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
