using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class SlaPolicyLayeringTests
{
    private static SlaTarget Target(SlaKpi kpi, int minutes, string calendar = "cn-workdays") => new(kpi, TimeSpan.FromMinutes(minutes), calendar);

    private static readonly SlaPolicy CompanyRepair = new("公司 报修 60", new[] { Target(SlaKpi.FirstResponse, 60) }, requestType: RequestType.Repair);

    private static readonly SlaPolicy PropertyRepair = new("项目 报修 45", new[] { Target(SlaKpi.FirstResponse, 45) }, requestType: RequestType.Repair);

    /// <summary>Layers (none, company, company+property), expected response minutes, resolution minutes, response policy.</summary>
    [Theory]
    [InlineData(0, 30, 1440, "报修 repair")]
    [InlineData(1, 60, 1440, "公司 报修 60")]
    [InlineData(2, 45, 1440, "项目 报修 45")]
    public void Compose_SameCriteriaAbove_ReplacesPerKpiAndKeepsTheOtherKpi(int layers, int firstResponse, int resolution, string policy)
    {
        var set = SlaPolicyLayering.Compose(
            DefaultSlaPolicies.Set.Policies,
            layers >= 1 ? new[] { CompanyRepair } : Array.Empty<SlaPolicy>(),
            layers >= 2 ? new[] { PropertyRepair } : Array.Empty<SlaPolicy>());

        var matches = set.Resolve(new SlaRequestFacts(RequestType.Repair, ServiceLine.Maintenance, Urgency.Normal));

        Assert.Equal(TimeSpan.FromMinutes(firstResponse), matches[0].Target.Duration);
        Assert.Equal(TimeSpan.FromMinutes(resolution), matches[1].Target.Duration);
        Assert.Equal(policy, matches[0].Policy.Name);
        Assert.Equal(DefaultSlaPolicies.Set.Policies.Count, set.Policies.Count);
    }

    [Fact]
    public void Compose_NewCriteria_AddedAndEmergencyStillWins()
    {
        var diamond = new SlaPolicy("钻石 diamond", new[] { Target(SlaKpi.FirstResponse, 15, "24x7") }, ownerTier: "diamond");

        var set = SlaPolicyLayering.Compose(DefaultSlaPolicies.Set.Policies, new[] { diamond });

        Assert.Equal("钻石 diamond", set.Get(new SlaRequestFacts(RequestType.Complaint, null, Urgency.Normal, "Diamond"), SlaKpi.FirstResponse).Policy.Name);
        Assert.Equal("紧急 emergency", set.Get(new SlaRequestFacts(RequestType.Complaint, null, Urgency.Emergency, "diamond"), SlaKpi.FirstResponse).Policy.Name);
    }

    [Fact]
    public void Compose_SameCriteriaTwiceInOneLayer_RefusedNamingBoth()
    {
        var twice = new SlaPolicy("公司 报修 90", new[] { Target(SlaKpi.FirstResponse, 90) }, requestType: RequestType.Repair);

        var refused = Assert.Throws<DomainException>(() => SlaPolicyLayering.Compose(DefaultSlaPolicies.Set.Policies, new[] { CompanyRepair, twice }));

        Assert.Equal(SlaErrorCodes.DuplicatePolicy, refused.Code);
        Assert.Contains("公司 报修 60", refused.Message, StringComparison.Ordinal);
        Assert.Contains("公司 报修 90", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_UpperDefinesBoth_BeneathForgotten()
    {
        var both = new SlaPolicy("公司 报修", new[] { Target(SlaKpi.FirstResponse, 60), Target(SlaKpi.Resolution, 600) }, requestType: RequestType.Repair);
        var beneath = DefaultSlaPolicies.Set.Policies.Single(p => p.Name == "报修 repair");

        var merged = SlaPolicyLayering.Replace(beneath, both);

        // The row defines first response and resolution; the on-site target (120 min), which it does not define, is kept.
        Assert.Equal(new[] { 60.0, 600.0, 120.0 }, merged.Targets.Select(t => t.Duration.TotalMinutes));
        Assert.Equal("公司 报修", merged.Name);
    }
}
