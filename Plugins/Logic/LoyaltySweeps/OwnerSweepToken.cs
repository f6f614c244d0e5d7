using System;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// Where an owner-by-owner loyalty sweep stopped: the last contact id it finished. Owners are visited in contact id
/// order (the primary key, so the order is the same in Dataverse and the harness); a call given the token resumes
/// after it. Format <c>{prefix}1:{id}</c>, opaque to callers; a token of another sweep is refused.
/// </summary>
public sealed class OwnerSweepToken
{
    public OwnerSweepToken(string prefix, Guid lastOwnerId)
    {
        Prefix = prefix;
        LastOwnerId = lastOwnerId;
    }

    public string Prefix { get; }

    public Guid LastOwnerId { get; }

    /// <summary>Null for a blank token.</summary>
    /// <exception cref="FormatException">Not a token this sweep issued.</exception>
    public static OwnerSweepToken? Parse(string prefix, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var parts = token!.Trim().Split(':');
        if (parts.Length != 2 || parts[0] != prefix + "1" || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            throw new FormatException($"续扫令牌无效:'{token}' / Invalid continuation token '{token}'.");
        }

        return new OwnerSweepToken(prefix, id);
    }

    public override string ToString() => Prefix + "1:" + LastOwnerId.ToString("N");
}
