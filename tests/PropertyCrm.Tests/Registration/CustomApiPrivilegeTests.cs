using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Registration;

/// <summary>
/// Who may run each Custom API is decided by its execute privilege (an existing privilege: Dataverse offers no custom
/// ones) and the shipped roles holding it. APIs that write as SYSTEM must name one, or any user could write through them.
/// </summary>
public sealed class CustomApiPrivilegeTests
{
    private const string Admin = "PCRM 管理员 Admin";
    private const string Agent = "PCRM 客服专员 Agent";
    private const string Technician = "PCRM 维修工程师 Technician";
    private const string PropertyManager = "PCRM 项目经理 Property Manager";
    private const string QualityAnalyst = "PCRM 品质部 Quality Analyst";

    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> RolesByPrivilege = new(LoadRoles);

    public static TheoryData<string, string> DesignedPrivileges => new()
    {
        { "pcrm_RunSlaSweep", Privileges.ConfigureSla },
        { "pcrm_RunPointsExpiry", Privileges.ConfigureLoyalty },
        { "pcrm_RunTierReview", Privileges.ConfigureLoyalty },
        { "pcrm_RunLifecycleReview", Privileges.ConfigureLoyalty },
        { "pcrm_RunCarePlanner", Privileges.ConfigureLoyalty },
        { "pcrm_AwardPoints", Privileges.PostPoints },
        { "pcrm_ReversePointsEntry", Privileges.PostPoints },
        { "pcrm_RecalculateTier", Privileges.CorrectFeeStanding },
        { "pcrm_RedeemReward", Privileges.Redeem },
        { "pcrm_CalculateDeadline", Privileges.ReadCalendars },
        { "pcrm_RunKpiSnapshot", Privileges.ConfigureKpis },
        { "pcrm_RecordFollowUp", Privileges.RecordFollowUp },
        { "pcrm_ExportOwnerData", Privileges.ServeDataSubjectRequests },
    };

    [Theory]
    [MemberData(nameof(DesignedPrivileges))]
    public void ExecutePrivilege_EachApi_IsTheDesignedOne(string api, string privilege)
    {
        Assert.Equal(privilege, Assert.Single(PluginCatalog.CustomApis, a => a.UniqueName == api).ExecutePrivilegeName);
    }

    [Fact]
    public void DesignedPrivileges_CoverEveryCatalogApi()
    {
        var designed = DesignedPrivileges.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(PluginCatalog.CustomApis, a => Assert.Contains(a.UniqueName, designed));
    }

    [Fact]
    public void CustomApis_WritingAsSystem_RequireAnExecutePrivilege()
    {
        // Directly from the context, or through an area service built from the execution scope.
        var systemService = new[]
        {
            typeof(ILocalPluginContext).GetProperty(nameof(ILocalPluginContext.SystemService))!.GetMethod!,
            typeof(ExecutionScope).GetProperty(nameof(ExecutionScope.SystemService))!.GetMethod!,
        };
        var systemWriters = PluginCatalog.CustomApis.Where(a => systemService.Any(s => IlCalls.Reaches(a.PluginType, s))).ToList();

        Assert.Contains(systemWriters, a => a.UniqueName == "pcrm_AwardPoints");
        Assert.All(systemWriters, a => Assert.False(
            string.IsNullOrWhiteSpace(a.ExecutePrivilegeName),
            $"{a.UniqueName} writes as SYSTEM but requires no execute privilege: any user could write through it"));
    }

    [Fact]
    public void ExecutePrivileges_Every_HeldByAShippedRole()
    {
        var required = PluginCatalog.CustomApis.Select(a => a.ExecutePrivilegeName).Where(p => p is not null).Distinct().ToList();

        Assert.NotEmpty(required);
        Assert.All(required, p => Assert.True(RolesByPrivilege.Value.ContainsKey(p!), $"no shipped role holds {p}"));
    }

    [Theory]
    [InlineData(Privileges.ConfigureSla)]
    [InlineData(Privileges.ConfigureLoyalty)]
    [InlineData(Privileges.PostPoints)]
    [InlineData(Privileges.ConfigureKpis)]
    [InlineData(Privileges.ServeDataSubjectRequests)]
    public void AdminOnlyPrivileges_HeldByAdminAlone(string privilege)
    {
        Assert.Equal(new[] { Admin }, RolesByPrivilege.Value[privilege]);
    }

    [Theory]
    [InlineData(Privileges.CorrectFeeStanding, new[] { PropertyManager, Admin })]
    [InlineData(Privileges.Redeem, new[] { Agent, Admin })]
    [InlineData(Privileges.RecordFollowUp, new[] { Agent, PropertyManager, Admin })]
    [InlineData(Privileges.ReadCalendars, new[] { Agent, Technician, PropertyManager, QualityAnalyst, Admin })]
    public void StaffPrivileges_HeldByTheRolesThatShouldCall(string privilege, string[] roles)
    {
        Assert.All(roles, r => Assert.Contains(r, RolesByPrivilege.Value[privilege]));
    }

    private static IReadOnlyDictionary<string, HashSet<string>> LoadRoles() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Solution, "Roles"), "*.xml")
            .Select(f => XDocument.Load(f).Root!)
            .SelectMany(role => role.Descendants("RolePrivilege").Select(p => (Privilege: (string)p.Attribute("name")!, Role: (string)role.Attribute("name")!)))
            .GroupBy(x => x.Privilege, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Role).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
