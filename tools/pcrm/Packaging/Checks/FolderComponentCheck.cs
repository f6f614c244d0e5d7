using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Custom API and environment-variable files have no XSD (they are copied into the zip as they are), so
/// their shape is checked here against the documented option values (SOLUTION-LAYOUT §5: docs D6, D7, D9).
/// </summary>
internal sealed class FolderComponentCheck : ISolutionCheck
{
    public string Name => "folders";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        foreach (var api in solution.CustomApis)
        {
            Range(api, "bindingtype", 0, 2, issues);
            Range(api, "allowedcustomprocessingsteptype", 0, 2, issues);
            var binding = api.Element("bindingtype")?.Value;
            if (binding is "1" or "2")
            {
                Table(solution, api.Element("boundentitylogicalname"), "boundentitylogicalname", api, issues);
            }
        }

        foreach (var field in solution.FolderComponents.Where(e => e.Name.LocalName is "customapirequestparameter" or "customapiresponseproperty"))
        {
            Range(field, "type", 0, 12, issues);
            if (field.Name.LocalName == "customapiresponseproperty" && field.Element("isoptional") is { } optional)
            {
                issues.Error(Name, optional, "响应属性不能有 isoptional / isoptional is invalid on a response property (doc D4)");
            }

            if (field.Element("logicalentityname") is { } entity)
            {
                Table(solution, entity, "logicalentityname", field, issues);
            }
        }

        foreach (var variable in solution.EnvironmentVariables)
        {
            Range(variable, "type", 100_000_000, 100_000_005, issues);
        }
    }

    private void Range(XElement owner, string name, int min, int max, IssueList issues)
    {
        var element = owner.Element(name);
        if (element is null)
        {
            issues.Error(Name, owner, $"缺少 <{name}> / <{name}> is missing");
            return;
        }

        if (!int.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            issues.Error(Name, element, $"<{name}> 的值 '{element.Value}' 无效 / <{name}> '{element.Value}' is not one of the documented values {min}–{max}");
        }
    }

    private void Table(SolutionIndex solution, XElement? element, string name, XElement owner, IssueList issues)
    {
        if (element is null || solution.Table(element.Value) is null)
        {
            issues.Error(Name, (XObject?)element ?? owner,
                $"<{name}> 必须是解决方案中的表 / <{name}> must name a table defined in Solution/ or allow-listed in SystemTables");
        }
    }
}
