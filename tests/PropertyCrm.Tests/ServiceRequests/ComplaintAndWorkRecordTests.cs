using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Domain;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>
/// Complaint columns, the valid-complaint decision's stamp, what resolving needs and the 3-step / 5-step paths, through
/// the real Create/Update pipeline (rules only: who may decide is field security, proven by the persona tests).
/// </summary>
public sealed class ComplaintAndWorkRecordTests
{
    public static TheoryData<string, object> ComplaintOnlyColumns => new()
    {
        { Columns.ComplaintCause, new OptionSetValue(Choices.ComplaintCause.Noise) },
        { Columns.ResponsibleDepartment, new OptionSetValue(Choices.Department.Engineering) },
        { Columns.EscalatedOutside, new OptionSetValue(Choices.ExternalChannel.Hotline12345) },
        { Columns.ValidComplaint, true },
        { Columns.ValidComplaintReason, "属实 / upheld" },
    };

    [Theory]
    [MemberData(nameof(ComplaintOnlyColumns))]
    public void Create_ComplaintColumnOnARepair_RefusedBilinguallyAndNothingSaved(string column, object value)
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Log(Type.Repair, "门锁坏了", more: r => r[column] = value));

        Assert.Contains("只有投诉类报事", fault.Message, StringComparison.Ordinal);
        Assert.Contains("Only complaints carry", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Dataverse.Count(ServiceRequestTable.LogicalName));
    }

    [Theory]
    [MemberData(nameof(ComplaintOnlyColumns))]
    public void Update_ComplaintColumnOnAnInquiry_Refused(string column, object value)
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Inquiry, "物业费怎么交");

        var fault = Assert.Throws<DataverseFaultException>(() => bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [column] = value }));

        Assert.Contains("Only complaints carry", fault.Message, StringComparison.Ordinal);
        Assert.True(!bed.Row(id).Contains(column) || Equals(bed.Row(id)[column], false));
    }

    [Fact]
    public void Update_ComplaintRetypedAsRepairWithItsCause_Refused()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Complaint, "保安态度差", more: r => r[Columns.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.StaffAttitude));

        Assert.Throws<DataverseFaultException>(() => bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Columns.RequestType] = new OptionSetValue(Type.Repair),
        }));

        Assert.Equal(Type.Complaint, bed.Option(id, Columns.RequestType));
    }

    [Fact]
    public void Create_ComplaintWithCauseDepartmentEscalation_SavedWithinTheCreateBudget()
    {
        using var bed = new SlaTestBed();

        var id = bed.Log(Type.Complaint, "物业费收费不透明", more: r =>
        {
            r[Columns.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Fees);
            r[Columns.ResponsibleDepartment] = new OptionSetValue(Choices.Department.Finance);
            r[Columns.EscalatedOutside] = new OptionSetValue(Choices.ExternalChannel.Hotline12345);
        });

        Assert.Equal(Choices.ComplaintCause.Fees, bed.Option(id, Columns.ComplaintCause));
        Assert.Equal(Choices.Department.Finance, bed.Option(id, Columns.ResponsibleDepartment));
        Assert.Equal(Choices.ExternalChannel.Hotline12345, bed.Option(id, Columns.EscalatedOutside));
        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.True(calls.Reads <= 2, $"create read {calls.Reads} time(s)");
        Assert.Equal(0, calls.Writes);
        Assert.Equal(0, calls.By<ServiceRequestRecordsPlugin>().Total);
    }

    [Fact]
    public void Update_ComplaintResolvedWithoutCause_RefusedThenResolvedWithIt()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Complaint, "电梯广告太吵");
        bed.Move(id, Status.Accepted);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Move(id, Status.Resolved));
        Assert.Contains("投诉原因", fault.Message, StringComparison.Ordinal);
        Assert.Contains("cause", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Status.Accepted, bed.Option(id, Columns.StatusCode));

        bed.Move(id, Status.Resolved, r => r[Columns.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.Noise));

        Assert.Equal(Status.Resolved, bed.Option(id, Columns.StatusCode));
    }

    [Fact]
    public void Update_ValidWithoutReason_RefusedAndNothingStamped()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Complaint, "保安态度差");

        var fault = Assert.Throws<DataverseFaultException>(() => bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.ValidComplaint] = true }));

        Assert.Contains("判定理由", fault.Message, StringComparison.Ordinal);
        Assert.Null(bed.Row(id).GetAttributeValue<DateTime?>(Columns.ValidComplaintDecidedOn));
    }

    [Fact]
    public void Update_DecisionSetThenChanged_StampedWithTheCallerAndOperationTimeEachTime()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Complaint, "保安态度差");
        bed.At("2025-01-07T15:20+08:00");

        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Columns.ValidComplaint] = true,
            [Columns.ValidComplaintReason] = "监控证实保安辱骂业主 / CCTV confirms the guard insulted the owner",
        });

        Assert.Equal("2025-01-07T15:20:00+08:00", bed.Local(id, Columns.ValidComplaintDecidedOn));
        Assert.Equal(bed.Agent, bed.Row(id).GetAttributeValue<EntityReference>(Columns.ValidComplaintDecidedBy).Id);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);

        bed.At("2025-01-08T09:05+08:00");
        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.ValidComplaint] = false, [Columns.ValidComplaintReason] = "复核后不属实 / not upheld on review" });

        Assert.Equal("2025-01-08T09:05:00+08:00", bed.Local(id, Columns.ValidComplaintDecidedOn));
        Assert.False(bed.Row(id).GetAttributeValue<bool>(Columns.ValidComplaint));
    }

    [Fact]
    public void Update_DecisionStampsSentByTheCaller_Refused()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Complaint, "保安态度差");

        var fault = Assert.Throws<DataverseFaultException>(() => bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Columns.ValidComplaint] = true,
            [Columns.ValidComplaintReason] = "属实 / upheld",
            [Columns.ValidComplaintDecidedOn] = Iso.At("2025-01-01T09:00+08:00").UtcDateTime,
        }));

        Assert.Contains("判定时间和判定人由系统", fault.Message, StringComparison.Ordinal);
        Assert.False(bed.Row(id).GetAttributeValue<bool>(Columns.ValidComplaint));
    }

    [Fact]
    public void Update_RepairAcceptedToResolved_RefusedBilinguallyNothingSaved()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Repair, "门锁坏了");
        bed.Move(id, Status.Accepted);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Resolve(id));

        Assert.Contains("报修须经派工或到场处理后才能解决", fault.Message, StringComparison.Ordinal);
        Assert.Contains("A repair is resolved only after it was dispatched or worked on site", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Status.Accepted, bed.Option(id, Columns.StatusCode));
        Assert.Null(bed.Row(id).GetAttributeValue<string>(Columns.WorkDone));
    }

    [Fact]
    public void Update_RepairWithArrivalRecorded_ResolvedFromAccepted()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Repair, "门锁坏了");
        bed.Move(id, Status.Accepted);
        bed.AgentService.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.ArrivedOn] = bed.Dataverse.Clock.UtcNow });
        bed.Advance(TimeSpan.FromMinutes(30));

        bed.Resolve(id);

        Assert.Equal(Status.Resolved, bed.Option(id, Columns.StatusCode));
    }

    [Fact]
    public void Update_RepairWorkedWithoutWorkDone_RefusedThenResolvedInOneSaveWithIt()
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(Type.Repair, "水管漏水");
        bed.Move(id, Status.Accepted);
        bed.Move(id, Status.Dispatched);
        bed.Move(id, Status.InProgress);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Move(id, Status.Resolved));
        Assert.Contains("维修记录", fault.Message, StringComparison.Ordinal);
        Assert.Contains("work done", fault.Message, StringComparison.Ordinal);

        // The technician's form saves work done, materials and the status at once: the status part sees them (status split).
        bed.Resolve(id, r => r[Columns.Materials] = "角阀 DN15 ×1\n生料带 ×1");

        Assert.Equal(Status.Resolved, bed.Option(id, Columns.StatusCode));
        Assert.Equal(SlaTestBed.WorkDone, bed.Row(id).GetAttributeValue<string>(Columns.WorkDone));
        Assert.Contains("角阀", bed.Row(id).GetAttributeValue<string>(Columns.Materials), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Type.Inquiry)]
    [InlineData(Type.Help)]
    [InlineData(Type.Payment)]
    public void Update_SimpleRequestAcceptedToResolved_ThreeStepPathAllowed(int type)
    {
        using var bed = new SlaTestBed();
        var id = bed.Log(type, "物业费怎么交");
        bed.Move(id, Status.Accepted);

        bed.Move(id, Status.Resolved);

        Assert.Equal(Status.Resolved, bed.Option(id, Columns.StatusCode));
    }

    [Fact]
    public void Create_RepairLoggedAsResolvedWithoutWork_Refused()
    {
        using var bed = new SlaTestBed();

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Log(Type.Repair, "门锁坏了", more: r =>
        {
            r[Columns.StatusCode] = new OptionSetValue(Status.Resolved);
            r[Columns.WorkDone] = SlaTestBed.WorkDone;
        }));

        Assert.Contains("A repair is resolved only after", fault.Message, StringComparison.Ordinal);
    }
}
