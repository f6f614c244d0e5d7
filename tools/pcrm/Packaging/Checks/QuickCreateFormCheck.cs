using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// A quick-create form (Entities/&lt;table&gt;/FormXml/quickCreate/, merged as &lt;forms type="quickCreate"&gt;) on a
/// table whose Entity.xml says IsQuickCreateEnabled 0 is never shown: the app falls back to the main form.
/// Shipping it only misleads whoever maintains it (and ships a form a user can never open), so the table
/// either enables quick create or has no such form. Quick view forms (type "quick") are a different kind,
/// shown inside another table's form, and do not depend on the flag.
/// </summary>
internal sealed class QuickCreateFormCheck : ISolutionCheck
{
    /// <summary>The &lt;forms type&gt; (and FormXml folder) of quick-create forms.</summary>
    public const string QuickCreateType = "quickCreate";

    public string Name => "quickcreate";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        foreach (var entity in solution.Entities)
        {
            if (QuickCreateEnabled(entity))
            {
                continue;
            }

            var table = SolutionIndex.LogicalNameOf(entity);
            var quickCreateForms = entity.Elements("FormXml").Elements("forms")
                .Where(f => (string?)f.Attribute("type") == QuickCreateType)
                .Elements("systemform");
            foreach (var form in quickCreateForms)
            {
                issues.Error(Name, form,
                    $"表 '{table}' 未启用快速创建 (IsQuickCreateEnabled 0)，不应有快速创建窗体 / table '{table}' has quick create disabled (IsQuickCreateEnabled 0), so it must not ship a quick-create form: delete the form or enable quick create");
            }
        }
    }

    /// <summary>The table's IsQuickCreateEnabled; a table that does not state it is taken as enabled (nothing to refuse).</summary>
    private static bool QuickCreateEnabled(XElement entity)
    {
        var flag = entity.Elements("EntityInfo").Elements("entity").Elements("IsQuickCreateEnabled").FirstOrDefault();
        return flag is null || flag.Value.Trim() != "0";
    }
}
