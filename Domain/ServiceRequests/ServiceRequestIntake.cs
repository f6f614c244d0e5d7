using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>What logging a request decides from its text and the agent's choices: its urgency and its SLA facts.</summary>
public static class ServiceRequestIntake
{
    /// <summary>
    /// The urgency from the title and description (<see cref="UrgencyDetector.Default"/>), unless the agent set it
    /// (<paramref name="agentChoice"/>, when "urgency set by agent" is on). Title and description are searched
    /// separately joined, so a keyword cannot be formed across the two.
    /// </summary>
    public static UrgencyAssessment AssessUrgency(string? title, string? description, Urgency? agentChoice) =>
        UrgencyDetector.Default.Assess((title ?? string.Empty) + " | " + (description ?? string.Empty), agentChoice);

    /// <summary>The facts policy matching needs.</summary>
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.RequestTypeRequired"/> without a request type.</exception>
    public static SlaRequestFacts Facts(RequestType? requestType, ServiceLine? serviceLine, Urgency urgency, string? ownerTier)
    {
        if (requestType is null)
        {
            throw new DomainException(
                ServiceRequestErrorCodes.RequestTypeRequired,
                "请选择报事类型(报修、投诉、咨询……),SLA 时限由类型决定 / A request type (repair, complaint, inquiry…) is required: it decides the SLA targets.");
        }

        return new SlaRequestFacts(requestType.Value, serviceLine, urgency, ownerTier);
    }
}
