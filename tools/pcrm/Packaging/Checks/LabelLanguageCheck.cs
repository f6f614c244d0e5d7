using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Every label exists in Chinese (2052, the base language) and English (1033). A group of labels is any
/// element whose children carry languagecode (label, LocalizedName, displayname, Description, …) or LCID
/// (site-map Title). Groups whose texts are all empty (blank header cells, empty descriptions) carry nothing
/// to translate and are skipped.
/// </summary>
internal sealed class LabelLanguageCheck : ISolutionCheck
{
    public const int English = 1033;
    public const int Chinese = 2052;

    public string Name => "labels";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var roots = new[] { solution.Customizations, solution.Manifest }.Concat(solution.FolderComponents);
        foreach (var root in roots)
        {
            foreach (var group in root.DescendantsAndSelf().Where(e => e.Elements().Any(IsLabel)))
            {
                CheckGroup(group, issues);
            }
        }
    }

    private static bool IsLabel(XElement element) => element.Attribute("languagecode") is not null || element.Attribute("LCID") is not null;

    private void CheckGroup(XElement group, IssueList issues)
    {
        var labels = group.Elements().Where(IsLabel).ToList();
        var texts = labels.Select(l => (string?)l.Attribute("description") ?? (string?)l.Attribute("Title") ?? l.Value);
        if (texts.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        var languages = new HashSet<string>(labels.Select(l => (string?)l.Attribute("languagecode") ?? (string?)l.Attribute("LCID") ?? string.Empty));
        foreach (var required in new[] { Chinese, English })
        {
            if (!languages.Contains(required.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                issues.Error(
                    Name,
                    group,
                    $"缺少 {required} 标签 / label '{texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))}' has no {required} ({(required == Chinese ? "Chinese" : "English")}) text");
            }
        }
    }
}
