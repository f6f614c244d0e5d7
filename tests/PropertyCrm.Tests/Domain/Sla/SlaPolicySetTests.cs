using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class SlaPolicySetTests
{
    [Theory]
    [InlineData(RequestType.Repair, ServiceLine.Maintenance, Urgency.Normal, "报修 repair", 30, "24x7", 1440, "service-hours")]
    [InlineData(RequestType.Repair, ServiceLine.Maintenance, Urgency.Emergency, "紧急 emergency", 30, "24x7", 240, "24x7")]
    [InlineData(RequestType.Complaint, ServiceLine.Security, Urgency.Emergency, "紧急 emergency", 30, "24x7", 240, "24x7")]
    [InlineData(RequestType.Repair, ServiceLine.Maintenance, Urgency.Urgent, "加急 urgent", 30, "24x7", 540, "cn-workdays")]
    [InlineData(RequestType.Complaint, ServiceLine.CustomerService, Urgency.Normal, "投诉 complaint", 30, "24x7", 1620, "cn-workdays")]
    [InlineData(RequestType.Inquiry, ServiceLine.CustomerService, Urgency.Normal, "咨询 inquiry", 30, "24x7", 540, "cn-workdays")]
    [InlineData(RequestType.Praise, null, Urgency.Normal, "默认 default", 30, "24x7", 1620, "cn-workdays")]
    [InlineData(RequestType.Help, ServiceLine.Security, Urgency.Normal, "默认 default", 30, "24x7", 1620, "cn-workdays")]
    [InlineData(RequestType.Payment, null, Urgency.Normal, "默认 default", 30, "24x7", 1620, "cn-workdays")]
    [InlineData(RequestType.KeyCustody, null, Urgency.Emergency, "紧急 emergency", 30, "24x7", 240, "24x7")]
    public void Resolve_DefaultPolicies_PicksSourceTargets(
        RequestType type, ServiceLine? line, Urgency urgency, string policy, int firstResponseMinutes, string firstResponseCalendar, int resolutionMinutes, string resolutionCalendar)
    {
        // The on-site KPI (to repairs, complaints and emergencies) is pinned in OnSiteDefaultsTests; here the first two.
        var matches = DefaultSlaPolicies.Set.Resolve(new SlaRequestFacts(type, line, urgency)).Where(m => m.Kpi != SlaKpi.OnSite).ToArray();

        Assert.Equal(new[] { SlaKpi.FirstResponse, SlaKpi.Resolution }, matches.Select(m => m.Kpi));
        Assert.All(matches, m => Assert.Equal(policy, m.Policy.Name));
        Assert.Equal(TimeSpan.FromMinutes(firstResponseMinutes), matches[0].Target.Duration);
        Assert.Equal(firstResponseCalendar, matches[0].Target.CalendarName);
        Assert.Equal(TimeSpan.FromMinutes(resolutionMinutes), matches[1].Target.Duration);
        Assert.Equal(resolutionCalendar, matches[1].Target.CalendarName);
        Assert.All(matches, m => Assert.Equal(75, m.Target.WarningPercent));
    }

    // Layered as in production: the custom diamond-repair row replaces the default one with the same criteria (which sets
    // only the on-site KPI) per KPI, rather than competing with it as a duplicate.
    private static SlaPolicySet WithCustomPolicies() => SlaPolicyLayering.Compose(DefaultSlaPolicies.Set.Policies, new[]
    {
        // Diamond owners: faster first response only; resolution inherited.
        new SlaPolicy("钻石 diamond", new[] { Target(SlaKpi.FirstResponse, 15) }, ownerTier: "diamond"),
        new SlaPolicy("保修报修 maintenance repair", new[] { Target(SlaKpi.FirstResponse, 60) }, requestType: RequestType.Repair, serviceLine: ServiceLine.Maintenance),
        new SlaPolicy("钻石报修 diamond repair", new[] { Target(SlaKpi.Resolution, 540) }, requestType: RequestType.Repair, ownerTier: "diamond"),
    });

    [Theory]
    [InlineData(RequestType.Repair, ServiceLine.Maintenance, Urgency.Normal, "Diamond", "钻石 diamond", "钻石报修 diamond repair")] // tier beats type; matching ignores case
    [InlineData(RequestType.Repair, ServiceLine.Maintenance, Urgency.Normal, null, "保修报修 maintenance repair", "报修 repair")] // per-KPI fallback
    [InlineData(RequestType.Repair, ServiceLine.Cleaning, Urgency.Normal, null, "报修 repair", "报修 repair")] // line mismatch
    [InlineData(RequestType.Repair, ServiceLine.Maintenance, Urgency.Emergency, "diamond", "紧急 emergency", "紧急 emergency")] // urgency beats everything
    [InlineData(RequestType.Complaint, null, Urgency.Normal, "diamond", "钻石 diamond", "投诉 complaint")]
    [InlineData(RequestType.Complaint, null, Urgency.Normal, "gold", "投诉 complaint", "投诉 complaint")]
    public void Resolve_CustomPolicies_MostSpecificPerKpiWins(
        RequestType type,
        ServiceLine? line,
        Urgency urgency,
        string? tier,
        string firstResponsePolicy,
        string resolutionPolicy)
    {
        var set = WithCustomPolicies();
        var facts = new SlaRequestFacts(type, line, urgency, tier);

        Assert.Equal(firstResponsePolicy, set.Get(facts, SlaKpi.FirstResponse).Policy.Name);
        Assert.Equal(resolutionPolicy, set.Get(facts, SlaKpi.Resolution).Policy.Name);
    }

    [Fact]
    public void Constructor_SameCriteriaTwice_ThrowsDuplicatePolicy()
    {
        var ex = Assert.Throws<DomainException>(() => new SlaPolicySet(new[]
        {
            new SlaPolicy("a", new[] { Target(SlaKpi.FirstResponse, 30) }, requestType: RequestType.Repair, ownerTier: "Diamond"),
            new SlaPolicy("b", new[] { Target(SlaKpi.Resolution, 30) }, requestType: RequestType.Repair, ownerTier: "diamond"),
        }));

        Assert.Equal(SlaErrorCodes.DuplicatePolicy, ex.Code);
        Assert.Contains("'a', 'b'", ex.Message);
    }

    [Fact]
    public void Get_NoPolicyDefinesKpi_ThrowsNoPolicy()
    {
        var set = new SlaPolicySet(new[] { new SlaPolicy("repair only", new[] { Target(SlaKpi.FirstResponse, 30) }, requestType: RequestType.Repair) });
        var facts = new SlaRequestFacts(RequestType.Praise, null, Urgency.Normal);

        var ex = Assert.Throws<DomainException>(() => set.Get(facts, SlaKpi.FirstResponse));

        Assert.Equal(SlaErrorCodes.NoPolicy, ex.Code);
        Assert.Empty(set.Resolve(facts));
    }

    [Theory]
    [InlineData(null, null, null, null, 0)]
    [InlineData(null, ServiceLine.Cleaning, null, null, 1)]
    [InlineData(RequestType.Repair, null, null, null, 2)]
    [InlineData(null, null, null, "diamond", 4)]
    [InlineData(null, null, Urgency.Emergency, null, 8)]
    [InlineData(RequestType.Repair, ServiceLine.Cleaning, Urgency.Urgent, "diamond", 15)]
    public void Specificity_Criteria_WeighsUrgencyThenTierThenTypeThenLine(RequestType? type, ServiceLine? line, Urgency? urgency, string? tier, int expected)
    {
        var policy = new SlaPolicy("p", new[] { Target(SlaKpi.FirstResponse, 30) }, type, line, urgency, tier);

        Assert.Equal(expected, policy.Specificity);
    }

    [Fact]
    public void Constructor_KpiTwice_ThrowsInvalidPolicy()
    {
        var ex = Assert.Throws<DomainException>(() => new SlaPolicy("p", new[] { Target(SlaKpi.FirstResponse, 30), Target(SlaKpi.FirstResponse, 60) }));

        Assert.Equal(SlaErrorCodes.InvalidPolicy, ex.Code);
    }

    private static SlaTarget Target(SlaKpi kpi, int minutes) => new SlaTarget(kpi, TimeSpan.FromMinutes(minutes), "cn-workdays");
}
