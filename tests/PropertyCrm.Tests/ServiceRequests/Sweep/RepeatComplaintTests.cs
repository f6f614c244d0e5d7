using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Domain;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// Repeat complaints (重复投诉): an earlier complaint with the same cause from the same unit or the same owner within
/// 30 days; through the rule and through the asynchronous step, on create and when the cause is set later.
/// </summary>
public sealed class RepeatComplaintTests
{
    private static readonly Guid Unit = new("22222222-0000-0000-0000-000000000001");
    private static readonly Guid OtherUnit = new("22222222-0000-0000-0000-000000000002");
    private static readonly Guid Owner = new("33333333-0000-0000-0000-000000000001");
    private static readonly Guid OtherOwner = new("33333333-0000-0000-0000-000000000002");
    private static readonly DateTimeOffset Created = Iso.At("2025-03-31T10:00:00+08:00");

    /// <summary>Candidate: type, cause, unit, owner (null = none), and whether it makes the complaint a repeat.</summary>
    public static TheoryData<string, RequestType, ComplaintCause?, bool, bool, bool> Candidates => new()
    {
        { "same unit, same cause", RequestType.Complaint, ComplaintCause.Noise, true, false, true },
        { "same owner from another unit, same cause", RequestType.Complaint, ComplaintCause.Noise, false, true, true },
        { "same unit, other cause", RequestType.Complaint, ComplaintCause.Fees, true, true, false },
        { "other unit and owner, same cause", RequestType.Complaint, ComplaintCause.Noise, false, false, false },
        { "a repair of the same unit", RequestType.Repair, null, true, true, false },
        { "a complaint without cause", RequestType.Complaint, null, true, true, false },
    };

    [Theory]
    [MemberData(nameof(Candidates))]
    public void Assess_Complaint_SameCauseFromSameUnitOrOwner(string name, RequestType type, ComplaintCause? cause, bool sameUnit, bool sameOwner, bool repeat)
    {
        var candidate = new RequestForRepeat(
            Guid.NewGuid(), sameUnit ? Unit : OtherUnit, ServiceLine.Security, Created.AddDays(-3), false, sameOwner ? Owner : OtherOwner, type, cause);

        var assessment = RepeatRule.Assess(Complaint(ComplaintCause.Noise, Unit, Owner), new[] { candidate });

        Assert.True(repeat == assessment.IsRepeat, name);
    }

    [Fact]
    public void Assess_ComplaintWithoutCauseOrWithoutUnitAndOwner_NeverARepeat()
    {
        var earlier = new[] { new RequestForRepeat(Guid.NewGuid(), Unit, null, Created.AddDays(-1), false, Owner, RequestType.Complaint, ComplaintCause.Noise) };

        Assert.False(RepeatRule.Assess(Complaint(null, Unit, Owner), earlier).IsRepeat);
        Assert.False(RepeatRule.Assess(Complaint(ComplaintCause.Noise, null, null), earlier).IsRepeat);
    }

    [Fact]
    public void Assess_ComplaintOlderThanTheWindowOrCancelled_NotCounted()
    {
        var earlier = new[]
        {
            new RequestForRepeat(Guid.NewGuid(), Unit, null, Created.AddDays(-30).AddSeconds(-1), false, Owner, RequestType.Complaint, ComplaintCause.Noise),
            new RequestForRepeat(Guid.NewGuid(), Unit, null, Created.AddDays(-2), true, Owner, RequestType.Complaint, ComplaintCause.Noise),
        };

        Assert.False(RepeatRule.Assess(Complaint(ComplaintCause.Noise, Unit, Owner), earlier).IsRepeat);
    }

    [Fact]
    public void Create_ComplaintSameOwnerSameCauseOtherUnit_LinkedOneReadOneWrite()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();
        var unit = bed.Dataverse.Seed(new Entity(UnitTable.LogicalName));
        var otherUnit = bed.Dataverse.Seed(new Entity(UnitTable.LogicalName));
        var first = LogComplaint(bed, owner, unit, Choices.ComplaintCause.Fees);
        bed.Dataverse.DrainAsyncSteps();
        bed.Advance(TimeSpan.FromDays(3));

        var second = LogComplaint(bed, owner, otherUnit, Choices.ComplaintCause.Fees);
        bed.Dataverse.DrainAsyncSteps();

        Assert.Equal(first, bed.Row(second).GetAttributeValue<EntityReference>(Columns.RepeatOf).Id);
        Assert.Equal(1, bed.Row(second).GetAttributeValue<int>(Columns.RepeatCount));
        var job = bed.Dataverse.Executions[bed.Dataverse.Executions.Count - 1];
        Assert.Equal(1, job.PluginCalls.By<RepeatRequestPlugin>().RetrieveMultiple);
        Assert.Equal(1, job.PluginCalls.By<RepeatRequestPlugin>().Update);
        Assert.Empty(bed.Dataverse.AsyncFailures);
    }

    [Fact]
    public void Update_CauseRecordedLater_LinkedThenClearedWhenTheCauseChanges()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();
        var unit = bed.Dataverse.Seed(new Entity(UnitTable.LogicalName));
        var first = LogComplaint(bed, owner, unit, Choices.ComplaintCause.Noise);
        bed.Advance(TimeSpan.FromDays(1));
        var second = LogComplaint(bed, owner, unit, null);
        bed.Dataverse.DrainAsyncSteps();
        Assert.Null(bed.Row(second).GetAttributeValue<EntityReference>(Columns.RepeatOf));

        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, second) { [Columns.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise) });
        bed.Dataverse.DrainAsyncSteps();
        Assert.Equal(first, bed.Row(second).GetAttributeValue<EntityReference>(Columns.RepeatOf).Id);

        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, second) { [Columns.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Parking) });
        bed.Dataverse.DrainAsyncSteps();
        Assert.Null(bed.Row(second).GetAttributeValue<EntityReference>(Columns.RepeatOf));
        Assert.Null(bed.Row(second).GetAttributeValue<int?>(Columns.RepeatCount));
        Assert.Empty(bed.Dataverse.AsyncFailures);
    }

    [Fact]
    public void Create_RepairAfterAComplaintOfTheUnit_NotAComplaintRepeat()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();
        var unit = bed.Dataverse.Seed(new Entity(UnitTable.LogicalName));
        LogComplaint(bed, owner, unit, Choices.ComplaintCause.RepairQuality);
        bed.Advance(TimeSpan.FromDays(1));

        var repair = bed.Log(SlaTestBed.Type.Repair, "门锁坏了", more: r =>
        {
            r[Columns.Unit] = new EntityReference(UnitTable.LogicalName, unit);
            r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
        });
        bed.Dataverse.DrainAsyncSteps();

        Assert.Null(bed.Row(repair).GetAttributeValue<EntityReference>(Columns.RepeatOf));
    }

    private static RequestForRepeat Complaint(ComplaintCause? cause, Guid? unit, Guid? owner) =>
        new(Guid.NewGuid(), unit, null, Created, false, owner, RequestType.Complaint, cause);

    private static Guid LogComplaint(SlaTestBed bed, Guid owner, Guid unit, int? cause) =>
        bed.Log(SlaTestBed.Type.Complaint, "物业费收费不透明", more: r =>
        {
            r[Columns.Unit] = new EntityReference(UnitTable.LogicalName, unit);
            r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
            if (cause.HasValue)
            {
                r[Columns.ComplaintCause] = new OptionSetValue(cause.Value);
            }
        });
}
