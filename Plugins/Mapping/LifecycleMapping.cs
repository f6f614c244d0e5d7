using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>Maps the contact's lifecycle columns to and from <see cref="LifecycleStatus"/>.</summary>
public static class LifecycleMapping
{
    /// <summary>The contact columns <see cref="ReadStatus"/> and <see cref="Update"/> compare against.</summary>
    public static readonly string[] StatusColumns =
    {
        ContactTable.Columns.LifecycleStage,
        ContactTable.Columns.LifecycleChangedOn,
        ContactTable.Columns.ChurnRisk,
        ContactTable.Columns.ChurnRiskSince,
        ContactTable.Columns.ConsecutiveUnpaidMonths,
    };

    /// <summary>
    /// The stored status, or null when no stage (or no stage date) has been written yet. The columns keep only
    /// "churn risk yes/no since the earliest flag", not which flags are up, so the flags are approximated: the
    /// unpaid-months flag when the stored unpaid months reach the threshold, the no-request flag when they do not
    /// (something raised the risk) or when it is up now. Flags only feed the change list, which is traced.
    /// </summary>
    public static LifecycleStatus? ReadStatus(Entity contact, LifecycleRules rules, bool quietNow)
    {
        var stage = OptionValues.Read<LifecycleStage>(contact, ContactTable.Columns.LifecycleStage);
        var changedOn = contact.GetAttributeValue<DateTime?>(ContactTable.Columns.LifecycleChangedOn);
        if (stage is not LifecycleStage known || changedOn is not DateTime since)
        {
            return null;
        }

        var flags = new List<ChurnRiskFlag>(2);
        if (contact.GetAttributeValue<bool?>(ContactTable.Columns.ChurnRisk) == true)
        {
            var raisedOn = ToDate(contact.GetAttributeValue<DateTime?>(ContactTable.Columns.ChurnRiskSince) ?? since);
            var unpaid = contact.GetAttributeValue<int?>(ContactTable.Columns.ConsecutiveUnpaidMonths) ?? 0;
            if (unpaid >= rules.ChurnRiskUnpaidMonths)
            {
                flags.Add(new ChurnRiskFlag(ChurnRiskFlagKind.ConsecutiveUnpaidMonths, raisedOn, "(stored)"));
            }

            if (unpaid < rules.ChurnRiskUnpaidMonths || quietNow)
            {
                flags.Add(new ChurnRiskFlag(ChurnRiskFlagKind.NoRecentServiceRequest, raisedOn, "(stored)"));
            }
        }

        return new LifecycleStatus(known, ToDate(since), flags);
    }

    /// <summary>
    /// The update that makes the contact show <paramref name="status"/> and <paramref name="fees"/>, holding only the
    /// columns that differ; null when none does (so a second run on the same day writes nothing).
    /// </summary>
    public static Entity? Update(Entity contact, LifecycleStatus status, FeeStanding fees)
    {
        ChinaDate? riskSince = null;
        foreach (var flag in status.Flags)
        {
            riskSince = riskSince is ChinaDate soFar ? ChinaDate.Min(soFar, flag.RaisedOn) : flag.RaisedOn;
        }

        var wanted = new Dictionary<string, object?>
        {
            [ContactTable.Columns.LifecycleStage] = OptionValues.ToOption(status.Stage),
            [ContactTable.Columns.LifecycleChangedOn] = ToInstant(status.StageSince),
            [ContactTable.Columns.ChurnRisk] = status.Flags.Count > 0,
            [ContactTable.Columns.ChurnRiskSince] = riskSince is ChinaDate day ? ToInstant(day) : null,
            [ContactTable.Columns.ConsecutiveUnpaidMonths] = fees.ConsecutiveUnpaidMonths,
        };

        var update = new Entity(ContactTable.LogicalName, contact.Id);
        foreach (var column in wanted)
        {
            if (!SameValue(contact.Contains(column.Key) ? contact[column.Key] : null, column.Value))
            {
                update[column.Key] = column.Value;
            }
        }

        return update.Attributes.Count > 0 ? update : null;
    }

    /// <summary>A China day as the date-time columns store it: the day's start instant, in UTC.</summary>
    public static DateTime ToInstant(ChinaDate date) => date.StartInstant.UtcDateTime;

    /// <summary>A date-time column value (UTC) as the China day it falls on.</summary>
    public static ChinaDate ToDate(DateTime utc) => ChinaDate.FromInstant(FeeMapping.Instant(utc));

    private static bool SameValue(object? stored, object? wanted)
    {
        switch (stored)
        {
            case null:
                return wanted is null;
            case OptionSetValue option:
                return wanted is OptionSetValue other && other.Value == option.Value;
            case DateTime instant:
                return wanted is DateTime when && FeeMapping.Instant(instant) == FeeMapping.Instant(when);
            default:
                return stored.Equals(wanted);
        }
    }
}
