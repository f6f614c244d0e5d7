namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// What happened, as the plug-ins report it. Not every event earns: late payments and service requests are
/// listed so that the engine can say explicitly that they earn nothing.
/// </summary>
public enum LoyaltyEventKind
{
    FeePaidOnTime = 1,
    FeePaidLate = 2,
    FirstAppUse = 3,
    SurveyCompleted = 4,
    CommunityEventAttended = 5,
    SuggestionAdopted = 6,
    Referral = 7,

    /// <summary>报事报修 filed. Earns nothing, by design (anti-farming).</summary>
    ServiceRequestFiled = 8,
}
