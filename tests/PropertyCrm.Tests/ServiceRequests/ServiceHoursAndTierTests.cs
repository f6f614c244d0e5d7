using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Issue 11: the owner's tier copied onto a new request, and the property's own calendar as its service hours.</summary>
public sealed class ServiceHoursAndTierTests
{
    [Fact]
    public void Create_OwnerIsDiamond_TierCopiedAndTierPolicyAppliesWithinTwoReads()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("钻石业主 15 分钟", ownerTier: "diamond", firstResponseMinutes: 15, firstResponseCalendar: "24x7");
        var owner = bed.Data.Owner(OwnerTier.Diamond);

        var id = bed.Log(Type.Repair, "门锁坏了", more: r =>
        {
            r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner);
            r[Columns.OwnerTier] = "standard";
        });

        Assert.Equal("diamond", bed.Row(id).GetAttributeValue<string>(Columns.OwnerTier));
        Assert.Equal("2025-01-06T09:15:00+08:00", bed.Local(id, Columns.FirstResponseDueOn));
        Assert.True(bed.Dataverse.LastExecution.PluginCalls.Reads <= 2, bed.Dataverse.LastExecution.PluginCalls.ToString());
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Create_OwnerWithoutTier_StandardCopied()
    {
        using var bed = new SlaTestBed();
        var owner = bed.Data.Owner();

        var id = bed.Log(Type.Repair, "门锁坏了", more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner));

        Assert.Equal("standard", bed.Row(id).GetAttributeValue<string>(Columns.OwnerTier));
        Assert.Equal("2025-01-06T09:30:00+08:00", bed.Local(id, Columns.FirstResponseDueOn));
    }

    [Fact]
    public void Create_PropertyNamesItsCalendar_RepairResolutionRunsOnIt()
    {
        using var bed = new SlaTestBed();
        bed.Data.BusinessCalendar("mall-7days", ServiceRequestCreateTests.MallCalendar);
        bed.Dataverse.Service.Update(new Entity(PropertyTable.LogicalName, bed.OtherProperty) { [PropertyTable.Columns.BusinessCalendarCode] = "mall-7days" });

        var mall = bed.Log(Type.Repair, "扶梯异响", property: bed.OtherProperty);
        var home = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("mall-7days", bed.Row(mall).GetAttributeValue<string>(Columns.ResolutionCalendar));
        Assert.Equal("24x7", bed.Row(mall).GetAttributeValue<string>(Columns.FirstResponseCalendar));
        Assert.Equal("service-hours", bed.Row(home).GetAttributeValue<string>(Columns.ResolutionCalendar));
    }

    [Fact]
    public void Create_PropertyNamesUnknownCalendar_BuiltInServiceHoursAndTraced()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Update(new Entity(PropertyTable.LogicalName, bed.Property) { [PropertyTable.Columns.BusinessCalendarCode] = "no-such" });

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("service-hours", bed.Row(id).GetAttributeValue<string>(Columns.ResolutionCalendar));
        Assert.Contains(bed.Dataverse.LastExecution.Traces, t => string.Join("\n", t.Lines).Contains("no-such", StringComparison.Ordinal));
    }
}
