using System;
using System.Globalization;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// Where a sweep stopped: the sort key (next escalation instant, request id) of the last request it processed. A
/// call given the token resumes after that key, so requests that stay due (e.g. a calendar that does not cover the
/// year yet) are not read again in the same run. Format: <c>v1:{UTC ticks}:{id}</c>; opaque to callers.
/// </summary>
public sealed class SweepContinuation
{
    private const string Version = "v1";

    public SweepContinuation(DateTime nextEscalationOnUtc, Guid requestId)
    {
        NextEscalationOnUtc = DataverseTime.ToUtc(nextEscalationOnUtc);
        RequestId = requestId;
    }

    public DateTime NextEscalationOnUtc { get; }

    public Guid RequestId { get; }

    /// <summary>Null for a null or blank token.</summary>
    /// <exception cref="FormatException">The token is not one this sweep issued.</exception>
    public static SweepContinuation? Parse(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var parts = token!.Trim().Split(':');
        if (parts.Length != 3 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            throw new FormatException($"续扫令牌无效:'{token}' / Invalid continuation token '{token}'.");
        }

        return new SweepContinuation(new DateTime(ticks, DateTimeKind.Utc), id);
    }

    public override string ToString() =>
        string.Join(":", Version, NextEscalationOnUtc.Ticks.ToString(CultureInfo.InvariantCulture), RequestId.ToString("N"));
}
