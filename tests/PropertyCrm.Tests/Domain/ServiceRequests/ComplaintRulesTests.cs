using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

/// <summary>Complaint columns only on complaints, a valid complaint's reason, what resolving needs, the repair path.</summary>
public sealed class ComplaintRulesTests
{
    private static readonly ComplaintDetails None = new(null, false, false, false, null);

    /// <summary>One complaint column set (the others empty) and the Chinese name the refusal gives it.</summary>
    public static TheoryData<ComplaintDetails, string> ComplaintColumns => new()
    {
        { new ComplaintDetails(ComplaintCause.Noise, false, false, false, null), "投诉原因" },
        { new ComplaintDetails(null, true, false, false, null), "责任部门" },
        { new ComplaintDetails(null, false, true, false, null), "外部升级" },
        { new ComplaintDetails(null, false, false, true, "属实 / upheld"), "有效投诉判定" },
        { new ComplaintDetails(null, false, false, false, "不属实 / not upheld"), "有效投诉判定" },
    };

    [Theory]
    [MemberData(nameof(ComplaintColumns))]
    public void EnsureOnlyOnComplaints_ColumnOnARepair_RefusedNamingIt(ComplaintDetails details, string chinese)
    {
        var error = Assert.Throws<DomainException>(() => ComplaintRules.EnsureOnlyOnComplaints(RequestType.Repair, details));

        Assert.Equal(ServiceRequestErrorCodes.NotAComplaint, error.Code);
        Assert.Contains(chinese, error.Message, StringComparison.Ordinal);
        Assert.Contains(" / Only complaints carry", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ComplaintColumns))]
    public void EnsureOnlyOnComplaints_ColumnOnAComplaint_Accepted(ComplaintDetails details, string chinese)
    {
        var error = Record.Exception(() => ComplaintRules.EnsureOnlyOnComplaints(RequestType.Complaint, details));

        Assert.True(error is null, $"{chinese} refused on a complaint: {error?.Message}");
    }

    [Theory]
    [InlineData(RequestType.Repair)]
    [InlineData(RequestType.Inquiry)]
    [InlineData(null)]
    public void EnsureOnlyOnComplaints_NothingSetOrNotValid_Accepted(RequestType? type) =>
        ComplaintRules.EnsureOnlyOnComplaints(type, None);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EnsureDecisionExplained_ValidWithoutReason_RefusedBilingually(string? reason)
    {
        var error = Assert.Throws<DomainException>(() =>
            ComplaintRules.EnsureDecisionExplained(new ComplaintDetails(ComplaintCause.StaffAttitude, true, false, true, reason)));

        Assert.Equal(ServiceRequestErrorCodes.ValidComplaintReasonRequired, error.Code);
        Assert.Contains("判定理由", error.Message, StringComparison.Ordinal);
        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureDecisionExplained_NotValidWithoutReason_Accepted() =>
        ComplaintRules.EnsureDecisionExplained(new ComplaintDetails(ComplaintCause.StaffAttitude, true, false, false, null));

    [Fact]
    public void EnsureReadyToResolve_ComplaintWithoutCause_Refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            ResolutionRules.EnsureReadyToResolve(RequestType.Complaint, RequestStatus.Accepted, RequestStatus.Resolved, None, null));

        Assert.Equal(ServiceRequestErrorCodes.ComplaintCauseRequired, error.Code);
        Assert.Contains("投诉原因", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void EnsureReadyToResolve_RepairWithoutWorkDone_Refused(string? workDone)
    {
        var error = Assert.Throws<DomainException>(() =>
            ResolutionRules.EnsureReadyToResolve(RequestType.Repair, RequestStatus.InProgress, RequestStatus.Resolved, None, workDone));

        Assert.Equal(ServiceRequestErrorCodes.WorkDoneRequired, error.Code);
        Assert.Contains("维修记录", error.Message, StringComparison.Ordinal);
        Assert.Contains("work done", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<RequestType, RequestStatus, RequestStatus, bool, string?> NotChecked => new()
    {
        { RequestType.Complaint, RequestStatus.Accepted, RequestStatus.Resolved, true, null },
        { RequestType.Repair, RequestStatus.InProgress, RequestStatus.Resolved, false, "更换角阀" },
        { RequestType.Inquiry, RequestStatus.Accepted, RequestStatus.Resolved, false, null },
        { RequestType.Repair, RequestStatus.Resolved, RequestStatus.Resolved, false, null },
        { RequestType.Repair, RequestStatus.Accepted, RequestStatus.InProgress, false, null },
        { RequestType.Complaint, RequestStatus.Resolved, RequestStatus.Closed, false, null },
    };

    [Theory]
    [MemberData(nameof(NotChecked))]
    public void EnsureReadyToResolve_OnRecordOrNotResolving_Accepted(RequestType type, RequestStatus from, RequestStatus to, bool cause, string? workDone) =>
        ResolutionRules.EnsureReadyToResolve(type, from, to, new ComplaintDetails(cause ? ComplaintCause.Fees : null, false, false, false, null), workDone);

    /// <summary>Type, from, work recorded (dispatched on / arrived on), allowed to go to Resolved.</summary>
    public static TheoryData<RequestType, RequestStatus, bool, bool> ResolvePaths => new()
    {
        { RequestType.Repair, RequestStatus.Accepted, false, false },
        { RequestType.Repair, RequestStatus.WaitingOnOwner, false, false },
        { RequestType.Repair, RequestStatus.New, false, false },
        { RequestType.Repair, RequestStatus.Accepted, true, true },
        { RequestType.Repair, RequestStatus.WaitingOnOwner, true, true },
        { RequestType.Repair, RequestStatus.Dispatched, false, true },
        { RequestType.Repair, RequestStatus.InProgress, false, true },
        { RequestType.Inquiry, RequestStatus.Accepted, false, true },
        { RequestType.Complaint, RequestStatus.Accepted, false, true },
        { RequestType.Help, RequestStatus.Accepted, false, true },
        { RequestType.Payment, RequestStatus.WaitingOnOwner, false, true },
    };

    [Theory]
    [MemberData(nameof(ResolvePaths))]
    public void EnsurePathAllowed_ToResolved_RepairsNeedTheWork(RequestType type, RequestStatus from, bool workRecorded, bool allowed)
    {
        var error = Record.Exception(() => RequestLifecycle.EnsurePathAllowed(type, from, RequestStatus.Resolved, workRecorded));

        if (allowed)
        {
            Assert.Null(error);
            return;
        }

        var refusal = Assert.IsType<DomainException>(error);
        Assert.Equal(ServiceRequestErrorCodes.RepairNotWorked, refusal.Code);
        Assert.Contains($"“{RequestLifecycle.Chinese(from)}”", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(" / A repair is resolved only after", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RequestStatus.Dispatched)]
    [InlineData(RequestStatus.InProgress)]
    [InlineData(RequestStatus.Closed)]
    public void EnsurePathAllowed_NotToResolved_NotChecked(RequestStatus to) =>
        RequestLifecycle.EnsurePathAllowed(RequestType.Repair, RequestStatus.Accepted, to, workRecorded: false);

    [Fact]
    public void RequiresWorkBeforeResolution_OnlyRepairs()
    {
        foreach (RequestType type in Enum.GetValues(typeof(RequestType)))
        {
            Assert.Equal(type == RequestType.Repair, RequestLifecycle.RequiresWorkBeforeResolution(type));
        }
    }
}
