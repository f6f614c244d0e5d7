using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Domain;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Schema.Tables.ServiceRequestTable.StatusReasons;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// Issue 11's Done-when walkthrough "a complaint judged valid", through the shipped roles and field security profiles:
/// the 阳光花园 agent logs a complaint with its cause and department; acknowledgement, initial handling (初步处理) and
/// the solution are clocked (the solution on cn-workdays); the property's quality analyst (a user of the child business
/// unit with the Quality Analyst role, in the complaint-decision profile as the admin sets it up) judges it valid with
/// a reason; the agent is refused doing so; the escalation to 12345 is recorded; a repeat complaint links to it.
/// </summary>
public sealed class ComplaintWalkthroughTests
{
    [Fact]
    public void ComplaintJudgedValid_EndToEnd()
    {
        using var world = new PersonaWorld();
        var analyst = world.Dataverse.CreateUser("品质部 钱芳 Quality analyst", world.Sunshine, PersonaWorld.QualityRole);
        world.Dataverse.AddToFieldSecurityProfile(FieldSecurityProfiles.ComplaintDecision, analyst);
        var agent = world.As(world.Agent);

        // Mon 6 Jan 2025 09:00 Beijing: the owner complains that the guard was rude.
        var id = LogComplaint(world, world.Agent, world.SunshineOwner);
        Assert.Equal("2025-01-06T09:30:00+08:00", Local(world, id, Requests.FirstResponseDueOn));
        Assert.Equal("24x7", Text(world, id, Requests.FirstResponseCalendar));
        Assert.Equal("2025-01-07T09:00:00+08:00", Local(world, id, Requests.OnSiteDueOn)); // 初步处理 in 24 h, 24x7
        Assert.Equal("24x7", Text(world, id, Requests.OnSiteCalendar));
        Assert.Equal("2025-01-08T18:00:00+08:00", Local(world, id, Requests.ResolutionDueOn)); // 3 working days of 9 h
        Assert.Equal("cn-workdays", Text(world, id, Requests.ResolutionCalendar));

        At(world, "2025-01-06T09:12+08:00");
        agent.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Requests.StatusCode] = new OptionSetValue(Status.Accepted) });
        Assert.Equal(Choices.SlaStatus.Met, Option(world, id, Requests.FirstResponseStatus));

        // Initial handling: the supervisor has spoken with the owner and the guard: recorded as the complaint's 到场/初步处理 time.
        At(world, "2025-01-06T16:40+08:00");
        agent.Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Requests.ArrivedOn] = world.Dataverse.Clock.UtcNow,
            [Requests.EscalatedOutside] = new OptionSetValue(Choices.ExternalChannel.Hotline12345),
        });
        Assert.Equal(Choices.SlaStatus.Met, Option(world, id, Requests.OnSiteStatus));
        Assert.Equal(Choices.ExternalChannel.Hotline12345, Option(world, id, Requests.EscalatedOutside));

        // The agent may not judge the complaint: the decision columns are field-secured.
        PersonaWorld.Refused(DataverseErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, () => agent.Update(
            new Entity(ServiceRequestTable.LogicalName, id) { [Requests.ValidComplaint] = true, [Requests.ValidComplaintReason] = "我觉得属实" }));

        // The analyst must give a reason…
        var noReason = Assert.Throws<DataverseFaultException>(() => world.As(analyst).Update(
            new Entity(ServiceRequestTable.LogicalName, id) { [Requests.ValidComplaint] = true }));
        Assert.Contains("判定理由", noReason.Message, StringComparison.Ordinal);

        // …and judges it valid.
        At(world, "2025-01-07T10:05+08:00");
        world.As(analyst).Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Requests.ValidComplaint] = true,
            [Requests.ValidComplaintReason] = "监控证实保安言语不当 / CCTV confirms the guard's rude remarks",
        });
        var judged = world.As(analyst).Retrieve(ServiceRequestTable.LogicalName, id, new ColumnSet(
            Requests.ValidComplaint, Requests.ValidComplaintReason, Requests.ValidComplaintDecidedOn, Requests.ValidComplaintDecidedBy));
        Assert.True(judged.GetAttributeValue<bool>(Requests.ValidComplaint));
        Assert.Equal(analyst, judged.GetAttributeValue<EntityReference>(Requests.ValidComplaintDecidedBy).Id);
        Assert.Equal(Iso.At("2025-01-07T10:05+08:00").UtcDateTime, judged.GetAttributeValue<DateTime>(Requests.ValidComplaintDecidedOn));

        // Without a profile the agent does not even read the verdict; the readers' profile lets the manager read it.
        Assert.False(agent.Retrieve(ServiceRequestTable.LogicalName, id, new ColumnSet(Requests.ValidComplaint)).Contains(Requests.ValidComplaint));
        world.Dataverse.AddToFieldSecurityProfile(FieldSecurityProfiles.ComplaintDecisionReaders, world.Manager);
        Assert.True(world.As(world.Manager).Retrieve(ServiceRequestTable.LogicalName, id, new ColumnSet(Requests.ValidComplaint)).GetAttributeValue<bool>(Requests.ValidComplaint));
        PersonaWorld.Refused(DataverseErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, () => world.As(world.Manager).Update(
            new Entity(ServiceRequestTable.LogicalName, id) { [Requests.ValidComplaint] = false, [Requests.ValidComplaintReason] = "撤销 / withdrawn" }));

        // Solution on Wed 8 Jan 15:00, within the 3 working days: the 3-step path needs no dispatch for a complaint.
        At(world, "2025-01-08T15:00+08:00");
        agent.Update(new Entity(ServiceRequestTable.LogicalName, id) { [Requests.StatusCode] = new OptionSetValue(Status.Resolved) });
        Assert.Equal(Choices.SlaStatus.Met, Option(world, id, Requests.ResolutionStatus));

        // Five days later the same owner complains about the same guard again: a repeat complaint.
        At(world, "2025-01-13T09:00+08:00");
        var again = LogComplaint(world, world.Agent, world.SunshineOwner);
        world.Dataverse.DrainAsyncSteps();
        Assert.Equal(id, world.Dataverse.Row(ServiceRequestTable.LogicalName, again).Get<EntityReference>(Requests.RepeatOf).Id);
        Assert.Empty(world.Dataverse.AsyncFailures);
    }

    [Fact]
    public void RecordCauseAndDepartment_OnARepair_RefusedBilingually()
    {
        using var world = new PersonaWorld();
        var repair = world.LogRepair(world.Agent, world.SunshineProperty, world.SunshineOwner, "水管漏水 leak");

        var fault = Assert.Throws<DataverseFaultException>(() => world.As(world.Agent).Update(new Entity(ServiceRequestTable.LogicalName, repair)
        {
            [Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.RepairQuality),
            [Requests.ResponsibleDepartment] = new OptionSetValue(Choices.Department.Engineering),
        }));

        Assert.Contains("只有投诉类报事可以填写投诉原因、责任部门", fault.Message, StringComparison.Ordinal);
        Assert.Contains("Only complaints carry a complaint cause, a responsible department", fault.Message, StringComparison.Ordinal);
    }

    /// <summary>A 服务态度 complaint about 秩序 security, logged through the service as <paramref name="agent"/> for unit 3-1-802.</summary>
    internal static Guid LogComplaint(PersonaWorld world, Guid agent, Guid owner) => world.As(agent).Create(new Entity(ServiceRequestTable.LogicalName)
    {
        [Requests.Name] = "保安态度恶劣 rude guard",
        [Requests.RequestType] = new OptionSetValue(Choices.RequestType.Complaint),
        [Requests.Property] = new EntityReference(PropertyTable.LogicalName, world.SunshineProperty),
        [Requests.Unit] = new EntityReference(UnitTable.LogicalName, world.SunshineUnit),
        [Requests.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [Requests.ComplaintCause] = new OptionSetValue(Choices.ComplaintCause.StaffAttitude),
        [Requests.ResponsibleDepartment] = new OptionSetValue(Choices.Department.Security),
    });

    private static void At(PersonaWorld world, string iso) => world.Dataverse.Clock.SetClock(Iso.At(iso).UtcDateTime);

    private static string? Local(PersonaWorld world, Guid id, string column)
    {
        var value = world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<DateTime?>(column);
        return value.HasValue ? Iso.Format(new DateTimeOffset(DateTime.SpecifyKind(value.Value, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8))) : null;
    }

    private static string? Text(PersonaWorld world, Guid id, string column) => world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<string>(column);

    private static int? Option(PersonaWorld world, Guid id, string column) => world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<OptionSetValue>(column)?.Value;
}
