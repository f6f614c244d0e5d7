using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

public sealed class LivingAloneUrgencyTests
{
    public static TheoryData<string, RequestType, bool, Urgency?, Urgency> Cases => new()
    {
        // text, type, owner lives alone, agent's choice, expected
        { "门锁坏了", RequestType.Repair, false, null, Urgency.Normal },
        { "门锁坏了", RequestType.Repair, true, null, Urgency.Normal },
        { "家里停水了", RequestType.Repair, false, null, Urgency.Urgent },
        { "家里停水了", RequestType.Repair, true, null, Urgency.Emergency },
        { "厨房漏水,楼下天花板在滴水", RequestType.Repair, true, null, Urgency.Emergency },
        { "请来看看我", RequestType.Help, false, null, Urgency.Normal },
        { "请来看看我", RequestType.Help, true, null, Urgency.Emergency },
        { "物业费怎么交", RequestType.Inquiry, true, null, Urgency.Normal },
        { "家里停水了", RequestType.Repair, true, Urgency.Normal, Urgency.Normal },
        { "请来看看我", RequestType.Help, true, Urgency.Urgent, Urgency.Urgent },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Case_Expected(string text, RequestType type, bool livesAlone, Urgency? agentChoice, Urgency expected)
    {
        var assessment = ServiceRequestIntake.AssessUrgency(text, null, agentChoice);

        Assert.Equal(expected, LivingAloneUrgency.Apply(assessment, type, livesAlone));
    }
}
