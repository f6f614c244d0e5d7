using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// 独居老人: an elderly owner living alone gets the highest urgency for anything that may be an emergency (issue 13: "their
/// emergencies get the highest urgency"; DOMAIN.md: elderly emergency response 15 min → 3 min). A request of such an owner
/// that the text marks 加急 <see cref="Urgency.Urgent"/>, or any 求助 <see cref="RequestType.Help"/> call, becomes
/// <see cref="Urgency.Emergency"/> (24×7 clocks, the emergency SLA): an old person alone who asks for help may not be able
/// to say how serious it is. A plain request (a dripping tap, an inquiry) keeps its urgency; an agent's own choice (urgency
/// set by agent) stands, as for every owner: the agent has spoken to the owner.
/// </summary>
public static class LivingAloneUrgency
{
    /// <summary>The urgency after the living-alone rule; <paramref name="assessment"/>'s when the rule does not apply.</summary>
    public static Urgency Apply(UrgencyAssessment assessment, RequestType? requestType, bool ownerLivesAlone)
    {
        Guard.NotNull(assessment, nameof(assessment));
        if (!ownerLivesAlone || assessment.IsOverride)
        {
            return assessment.Urgency;
        }

        return assessment.Urgency >= Urgency.Urgent || requestType == RequestType.Help ? Urgency.Emergency : assessment.Urgency;
    }
}
