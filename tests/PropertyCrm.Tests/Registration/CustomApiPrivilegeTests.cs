using System.IO;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Registration;

/// <summary>The loyalty Custom APIs write as SYSTEM, so each names the privilege its callers need, and a shipped role holds it.</summary>
public sealed class CustomApiPrivilegeTests
{
    [Fact]
    public void CustomApis_WritingPointsAsSystem_RequireAnExecutePrivilege()
    {
        Assert.Equal(Privileges.PostPoints, AwardPointsPlugin.Api.ExecutePrivilegeName);
        Assert.Equal(Privileges.PostPoints, ReversePointsEntryPlugin.Api.ExecutePrivilegeName);
        Assert.Equal(Privileges.Redeem, RedeemRewardPlugin.Api.ExecutePrivilegeName);
    }

    [Fact]
    public void ExecutePrivileges_Every_HeldByAShippedRole()
    {
        var held = Directory.GetFiles(Path.Combine(RepoPaths.Solution, "Roles"), "*.xml")
            .SelectMany(f => XDocument.Load(f).Descendants("RolePrivilege"))
            .Select(p => (string?)p.Attribute("name"))
            .ToHashSet();

        var required = PluginCatalog.CustomApis.Select(a => a.ExecutePrivilegeName).Where(p => p is not null).Distinct().ToList();

        Assert.NotEmpty(required);
        Assert.All(required, p => Assert.Contains(p, held));
    }
}
