using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Registration;

/// <summary>
/// The Dataverse connector in Power Automate performs actions only ("Perform an unbound action"); a function
/// (isfunction 1, GET in the Web API) is not offered there. So every Custom API the README offers to flows is an action.
/// </summary>
public sealed class FlowCustomApiTests
{
    private const string UnboundAction = "Perform an unbound action";

    [Fact]
    public void CustomApis_OfferedToFlowsByTheReadme_AreActions()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var named = Regex.Matches(readme, @"\bpcrm_[A-Za-z]+\b").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        // The README names some APIs one by one, and offers "the Custom APIs" as a whole to Power Automate: every public one.
        var offersAllPublic = readme.Contains($"(\"{UnboundAction}\" on the Custom APIs)", StringComparison.Ordinal);
        var offered = PluginCatalog.CustomApis.Where(a => named.Contains(a.UniqueName) || (offersAllPublic && !a.IsPrivate)).ToList();

        Assert.Contains(offered, a => a.UniqueName == "pcrm_RunSlaSweep");
        Assert.All(offered, a => Assert.False(a.IsFunction, $"{a.UniqueName} is a function: flows cannot call it ({UnboundAction} lists actions only)"));
    }

    [Fact]
    public void CustomApis_OfferedToFlows_ArePublic()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        var privateButNamed = PluginCatalog.CustomApis.Where(a => a.IsPrivate && readme.Contains(a.UniqueName, StringComparison.Ordinal)).Select(a => a.UniqueName);

        Assert.Empty(privateButNamed);
    }
}
