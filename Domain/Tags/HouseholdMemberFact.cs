using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Tags;

/// <summary>A household member as the tag rules need them: age band, whether they live in the home, a minor's birth date.</summary>
public sealed record HouseholdMemberFact(MemberAgeBand? AgeBand, bool LivesHere, ChinaDate? BirthDate = null);
