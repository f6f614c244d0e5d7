using System;
using System.Globalization;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// Where a sweep stopped: the sort key (next escalation instant, row id) of the last row it processed, and which of the
/// SLA sweep's two passes it was in — requests first, then overdue recovery cases (<see cref="RecoveryCases"/>). A call given
/// the token resumes after that key, so rows that stay due (e.g. a calendar that does not cover the year yet) are not read
/// again in the same run. Format: <c>v1:{UTC ticks}:{id}</c> for requests, <c>r1:{UTC ticks}:{id}</c> for recovery cases
/// (<c>r1:0:</c> + the empty id: the recovery pass from its start); opaque to callers.
/// </summary>
public sealed class SweepContinuation
{
    private const string Version = "v1";

    private const string RecoveryVersion = "r1";

    public SweepContinuation(DateTime nextEscalationOnUtc, Guid requestId)
        : this(nextEscalationOnUtc, requestId, recoveryCases: false)
    {
    }

    public SweepContinuation(DateTime nextEscalationOnUtc, Guid requestId, bool recoveryCases)
    {
        NextEscalationOnUtc = DataverseTime.ToUtc(nextEscalationOnUtc);
        RequestId = requestId;
        RecoveryCases = recoveryCases;
    }

    /// <summary>The recovery-case pass from its first row: where a call that finished the requests goes on.</summary>
    public static SweepContinuation RecoveryCasesStart { get; } = new(new DateTime(0, DateTimeKind.Utc), Guid.Empty, recoveryCases: true);

    public DateTime NextEscalationOnUtc { get; }

    /// <summary>The last row's id: a request, or in the recovery pass a recovery case.</summary>
    public Guid RequestId { get; }

    /// <summary>True in the second pass (overdue recovery cases); every request is done then.</summary>
    public bool RecoveryCases { get; }

    /// <summary>True for <see cref="RecoveryCasesStart"/>: no row of the pass processed yet.</summary>
    public bool IsPassStart => RequestId == Guid.Empty && NextEscalationOnUtc.Ticks == 0;

    /// <summary>Null for a null or blank token.</summary>
    /// <exception cref="FormatException">The token is not one this sweep issued.</exception>
    public static SweepContinuation? Parse(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var parts = token!.Trim().Split(':');
        if (parts.Length != 3 || (parts[0] != Version && parts[0] != RecoveryVersion)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            throw new FormatException($"续扫令牌无效:'{token}' / Invalid continuation token '{token}'.");
        }

        return new SweepContinuation(new DateTime(ticks, DateTimeKind.Utc), id, parts[0] == RecoveryVersion);
    }

    public override string ToString() =>
        string.Join(":", RecoveryCases ? RecoveryVersion : Version, NextEscalationOnUtc.Ticks.ToString(CultureInfo.InvariantCulture), RequestId.ToString("N"));
}
