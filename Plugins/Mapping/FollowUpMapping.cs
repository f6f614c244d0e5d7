using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.FollowUpTable.Columns;
using Reasons = PropertyCrm.Schema.Tables.FollowUpTable.StatusReasons;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>pcrm_followup row ↔ <see cref="FollowUpRecord"/>; satisfaction 1–5 ↔ the pcrm_satisfaction options.</summary>
public static class FollowUpMapping
{
    /// <summary>The columns the owner's answers live in.</summary>
    public static readonly string[] AnswerColumns =
    {
        Columns.Verification, Columns.Satisfaction, Columns.Nps, Columns.SqReliability, Columns.SqResponsiveness,
        Columns.SqAssurance, Columns.SqEmpathy, Columns.SqTangibles, Columns.Comment, Columns.Channel,
    };

    /// <summary>What <see cref="Read"/> needs, plus the lookups the consequences use.</summary>
    public static readonly string[] RecordColumns =
    {
        Columns.StatusCode, Columns.StateCode, Columns.Verification, Columns.Satisfaction, Columns.Nps, Columns.SqReliability,
        Columns.SqResponsiveness, Columns.SqAssurance, Columns.SqEmpathy, Columns.SqTangibles, Columns.Comment, Columns.Channel,
        Columns.Attempts, Columns.FirstAttemptOn, Columns.LastAttemptOn, Columns.CompletedOn, Columns.ResolvedBy, Columns.IsDetractor,
        Columns.ServiceRequest, Columns.Contact, Columns.Property, Columns.Name, Columns.OwnerId,
    };

    public static FollowUpStatus ReadStatus(Entity? row) =>
        row?.GetAttributeValue<OptionSetValue>(Columns.StatusCode)?.Value switch
        {
            null or Reasons.Pending => FollowUpStatus.Pending,
            Reasons.Completed => FollowUpStatus.Completed,
            Reasons.Unreachable => FollowUpStatus.Unreachable,
            var other => throw new DomainException(
                FollowUpErrorCodes.NotPending,
                $"未知的回访状态原因 {other} / Unknown follow-up status reason {other}."),
        };

    public static int ToStatusCode(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Pending => Reasons.Pending,
        FollowUpStatus.Completed => Reasons.Completed,
        FollowUpStatus.Unreachable => Reasons.Unreachable,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static int ToStateCode(FollowUpStatus status) =>
        status == FollowUpStatus.Pending ? FollowUpTable.States.Active : FollowUpTable.States.Inactive;

    public static FollowUpRecord Read(Entity row)
    {
        Guard.NotNull(row, nameof(row));
        return new FollowUpRecord
        {
            Status = ReadStatus(row),
            Answers = ReadAnswers(row),
            Attempts = row.GetAttributeValue<int?>(Columns.Attempts) ?? 0,
            FirstAttemptOn = DataverseTime.Instant(row, Columns.FirstAttemptOn),
            LastAttemptOn = DataverseTime.Instant(row, Columns.LastAttemptOn),
            CompletedOn = DataverseTime.Instant(row, Columns.CompletedOn),
            ResolvedBy = row.GetAttributeValue<EntityReference>(Columns.ResolvedBy)?.Id,
            IsDetractor = row.GetAttributeValue<bool?>(Columns.IsDetractor) == true,
        };
    }

    public static FollowUpAnswers ReadAnswers(Entity row) => new()
    {
        Verification = OptionValues.Read<FixVerification>(row, Columns.Verification),
        Satisfaction = SatisfactionScore(row.GetAttributeValue<OptionSetValue>(Columns.Satisfaction)),
        Nps = row.GetAttributeValue<int?>(Columns.Nps),
        Reliability = row.GetAttributeValue<int?>(Columns.SqReliability),
        Responsiveness = row.GetAttributeValue<int?>(Columns.SqResponsiveness),
        Assurance = row.GetAttributeValue<int?>(Columns.SqAssurance),
        Empathy = row.GetAttributeValue<int?>(Columns.SqEmpathy),
        Tangibles = row.GetAttributeValue<int?>(Columns.SqTangibles),
    };

    /// <summary>Writes the columns the rules derive (attempts and their times, completed on, detractor) where they changed.</summary>
    public static void WriteDerived(Entity target, FollowUpRecord before, FollowUpRecord after)
    {
        Guard.NotNull(target, nameof(target));
        if (after.Attempts != before.Attempts)
        {
            target[Columns.Attempts] = after.Attempts;
        }

        SetTime(target, Columns.FirstAttemptOn, before.FirstAttemptOn, after.FirstAttemptOn);
        SetTime(target, Columns.LastAttemptOn, before.LastAttemptOn, after.LastAttemptOn);
        SetTime(target, Columns.CompletedOn, before.CompletedOn, after.CompletedOn);
        if (after.IsDetractor != before.IsDetractor)
        {
            target[Columns.IsDetractor] = after.IsDetractor;
        }
    }

    /// <summary>pcrm_satisfaction option → 1 (非常不满意) … 5 (非常满意); an unknown option is passed on out of range, for the rules to refuse.</summary>
    public static int? SatisfactionScore(OptionSetValue? option) =>
        option is null ? null : option.Value - Schema.OptionSets.Satisfaction.VeryDissatisfied + 1;

    /// <summary>1 … 5 → the pcrm_satisfaction option.</summary>
    public static OptionSetValue SatisfactionOption(int score) => new(Schema.OptionSets.Satisfaction.VeryDissatisfied + score - 1);

    private static void SetTime(Entity target, string column, DateTimeOffset? before, DateTimeOffset? after)
    {
        if (after != before)
        {
            target[column] = after?.UtcDateTime;
        }
    }
}
