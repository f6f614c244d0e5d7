using System.Collections.Generic;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// Rules for the complaint (投诉) columns of a request; what resolving one needs is <see cref="ResolutionRules"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Cause, responsible department, escalated outside and the valid-complaint decision describe complaints only: a
/// request of another type that carries any of them is refused (the agent picked the wrong type, or the columns were
/// filled on the wrong request). "Not valid" (false) is the column's default and counts as unset.</item>
/// <item>A complaint is judged valid (有效投诉) only with a reason: the quality department's verdict is reviewed and
/// counted against a department, so it must say why.</item>
/// </list>
/// </remarks>
public static class ComplaintRules
{
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.NotAComplaint"/>, naming the columns.</exception>
    public static void EnsureOnlyOnComplaints(RequestType? type, ComplaintDetails details)
    {
        Guard.NotNull(details, nameof(details));
        if (type == RequestType.Complaint)
        {
            return;
        }

        var present = details.Present();
        if (present.Count == 0)
        {
            return;
        }

        throw new DomainException(
            ServiceRequestErrorCodes.NotAComplaint,
            $"只有投诉类报事可以填写{string.Join("、", present.ConvertAll(p => p.Chinese))};请将类型改为“投诉”或清空这些字段 / "
            + $"Only complaints carry {string.Join(", ", present.ConvertAll(p => p.English))}: set the type to 'Complaint' or clear them.");
    }

    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.ValidComplaintReasonRequired"/>.</exception>
    public static void EnsureDecisionExplained(ComplaintDetails details)
    {
        Guard.NotNull(details, nameof(details));
        if (details.IsValid && string.IsNullOrWhiteSpace(details.ValidReason))
        {
            throw new DomainException(
                ServiceRequestErrorCodes.ValidComplaintReasonRequired,
                "判定为有效投诉时必须填写判定理由 / A complaint judged valid needs the reason for the decision.");
        }
    }
}

/// <summary>The complaint columns of a request, as far as the rules need them.</summary>
public sealed class ComplaintDetails
{
    public ComplaintDetails(ComplaintCause? cause, bool hasDepartment, bool hasEscalatedOutside, bool isValid, string? validReason)
    {
        Cause = cause;
        HasDepartment = hasDepartment;
        HasEscalatedOutside = hasEscalatedOutside;
        IsValid = isValid;
        ValidReason = validReason;
    }

    public ComplaintCause? Cause { get; }

    public bool HasDepartment { get; }

    public bool HasEscalatedOutside { get; }

    /// <summary>有效投诉: judged valid by the quality department.</summary>
    public bool IsValid { get; }

    public string? ValidReason { get; }

    internal List<BilingualText> Present()
    {
        var present = new List<BilingualText>();
        if (Cause.HasValue)
        {
            present.Add(new BilingualText("投诉原因", "a complaint cause"));
        }

        if (HasDepartment)
        {
            present.Add(new BilingualText("责任部门", "a responsible department"));
        }

        if (HasEscalatedOutside)
        {
            present.Add(new BilingualText("外部升级", "an outside escalation"));
        }

        if (IsValid || !string.IsNullOrWhiteSpace(ValidReason))
        {
            present.Add(new BilingualText("有效投诉判定", "a valid-complaint decision"));
        }

        return present;
    }
}
