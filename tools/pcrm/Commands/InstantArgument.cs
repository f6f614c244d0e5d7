using System;
using System.Globalization;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// Parses an ISO 8601 instant given on the command line. An offset (or Z) is required: a bare local time would be read
/// in the machine's zone, which differs between a developer laptop and CI and would make the answer depend on where it ran.
/// </summary>
internal static class InstantArgument
{
    private static readonly string[] OffsetFormats =
    {
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    };

    private static readonly string[] UtcFormats =
    {
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    };

    public static bool TryParse(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
        || DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    /// <summary>ISO 8601 in the instant's own offset, without trailing zero fractions.</summary>
    public static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>The bilingual refusal for an option that is not such an instant.</summary>
    public static string Invalid(string option, string text) =>
        $"--{option} '{text}' 不是带时区偏移的 ISO 8601 时间(例如 2026-02-13T17:00:00+08:00) / "
        + $"--{option} '{text}' is not an ISO 8601 time with an offset (e.g. 2026-02-13T17:00:00+08:00).";
}
