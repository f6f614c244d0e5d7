using System.Linq;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Registration;

/// <summary>Every string a Custom API takes has a declared maximum (PluginBase enforces it; the README lists them).</summary>
public sealed class CustomApiInputMaximaTests
{
    [Fact]
    public void CustomApis_EveryStringInput_DeclaresAPositiveMaximum()
    {
        var undeclared = PluginCatalog.CustomApis
            .SelectMany(api => api.RequestParameters.Where(p => p.Type == CustomApiFieldType.String && !(p.MaxLength > 0)).Select(p => api.UniqueName + "." + p.UniqueName))
            .ToList();

        Assert.True(undeclared.Count == 0, "String inputs without a MaxLength: " + string.Join(", ", undeclared));
        Assert.Contains(PluginCatalog.CustomApis, api => api.RequestParameters.Any(p => p.Type == CustomApiFieldType.String));
    }

    [Fact]
    public void CustomApis_InputsWrittenToAColumn_AllowNoMoreThanTheColumn()
    {
        Assert.Equal(PointsEntryTable.MaxLengths.SourceId, Input(AwardPointsPlugin.Api, AwardPointsPlugin.SourceIdParameter).MaxLength);
        Assert.Equal(BusinessCalendarTable.MaxLengths.Name, Input(CalculateDeadlinePlugin.Api, CalculateDeadlinePlugin.CalendarParameter).MaxLength);
        Assert.True(Input(ReversePointsEntryPlugin.Api, ReversePointsEntryPlugin.ReasonParameter).MaxLength < PointsEntryTable.MaxLengths.Description);
    }

    private static CustomApiField Input(CustomApiDeclaration api, string name) => api.RequestParameters.Single(p => p.UniqueName == name);
}
