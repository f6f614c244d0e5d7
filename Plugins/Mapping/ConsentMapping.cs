using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Owners;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>Maps the owner's consent columns on contact to and from <see cref="ConsentRecord"/>.</summary>
public sealed class ConsentMapping
{
    public static readonly ConsentMapping Marketing = new(
        ConsentPurpose.Marketing,
        ContactTable.Columns.MarketingConsent,
        ContactTable.Columns.MarketingConsentOn,
        ContactTable.Columns.MarketingConsentWithdrawnOn);

    public static readonly ConsentMapping SensitiveData = new(
        ConsentPurpose.SensitiveData,
        ContactTable.Columns.SensitiveDataConsent,
        ContactTable.Columns.SensitiveDataConsentOn,
        ContactTable.Columns.SensitiveDataConsentWithdrawnOn);

    private ConsentMapping(ConsentPurpose purpose, string flag, string grantedOn, string withdrawnOn)
    {
        Purpose = purpose;
        Flag = flag;
        GrantedOn = grantedOn;
        WithdrawnOn = withdrawnOn;
    }

    public ConsentPurpose Purpose { get; }

    public string Flag { get; }

    public string GrantedOn { get; }

    public string WithdrawnOn { get; }

    public string[] Columns => new[] { Flag, GrantedOn, WithdrawnOn };

    public ConsentRecord Read(Entity? row) => row is null
        ? ConsentRecord.None
        : new ConsentRecord(row.GetAttributeValue<bool>(Flag), Utc(row, GrantedOn), Utc(row, WithdrawnOn));

    /// <summary>What the request asks: only the columns it carries.</summary>
    public ConsentChange ReadChange(Entity target) => new(
        target.Contains(Flag) ? target.GetAttributeValue<bool>(Flag) : null,
        target.Contains(GrantedOn) ? Utc(target, GrantedOn) : null,
        target.Contains(WithdrawnOn) ? Utc(target, WithdrawnOn) : null);

    /// <summary>Writes the dates that differ from what the row holds into the target (no extra write).</summary>
    public void WriteChanges(Entity target, ConsentRecord before, ConsentRecord after)
    {
        if (after.GrantedOn != before.GrantedOn || target.Contains(GrantedOn))
        {
            target[GrantedOn] = after.GrantedOn?.UtcDateTime;
        }

        if (after.WithdrawnOn != before.WithdrawnOn || target.Contains(WithdrawnOn))
        {
            target[WithdrawnOn] = after.WithdrawnOn?.UtcDateTime;
        }
    }

    private static DateTimeOffset? Utc(Entity row, string column) => DataverseTime.Instant(row, column);
}
