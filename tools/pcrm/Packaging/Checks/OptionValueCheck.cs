using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Schema;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Option values of the publisher's choices start with its option-value prefix (value / 10000 == 54821),
/// so they never collide with another publisher's values on a shared choice. State, status and yes/no
/// option sets keep platform values and are not checked.
/// </summary>
internal sealed class OptionValueCheck : ISolutionCheck
{
    private const int PrefixDivisor = 10_000;
    private static readonly string[] CheckedTypes = { "picklist", "multiselectpicklist" };

    public string Name => "options";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var optionSets = solution.GlobalOptionSets
            .Concat(solution.Entities.SelectMany(SolutionIndex.Columns)
                .Where(c => SolutionIndex.ColumnName(c).StartsWith(NamingCheck.Prefix, System.StringComparison.Ordinal))
                .Elements("optionset"));
        foreach (var optionSet in optionSets)
        {
            var type = optionSet.Element("OptionSetType")?.Value ?? "picklist";
            if (!CheckedTypes.Contains(type))
            {
                continue;
            }

            foreach (var option in optionSet.Elements("options").Elements("option"))
            {
                CheckValue(option, issues);
            }
        }
    }

    private void CheckValue(XElement option, IssueList issues)
    {
        var valueAttribute = option.Attribute("value");
        if (valueAttribute is null || !int.TryParse(valueAttribute.Value, out var value))
        {
            issues.Error(Name, option, "选项缺少整数值 / option has no integer value");
            return;
        }

        if (value / PrefixDivisor != Publisher.OptionValuePrefix)
        {
            issues.Error(Name, valueAttribute,
                $"选项值 {value} 未使用发布者前缀 {Publisher.OptionValuePrefix} / option value {value} does not carry the publisher prefix {Publisher.OptionValuePrefix} (expected {Publisher.FirstOptionValue}–{Publisher.FirstOptionValue + PrefixDivisor - 1})");
        }
    }
}
