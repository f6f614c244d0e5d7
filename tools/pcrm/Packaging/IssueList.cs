using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Collects findings; the same finding reported twice (e.g. by the managed and unmanaged merge) is kept once.</summary>
internal sealed class IssueList
{
    private readonly List<ValidationIssue> issues = new();
    private readonly HashSet<(string, int, string)> seen = new();

    public IReadOnlyList<ValidationIssue> All => issues;

    public int ErrorCount => issues.Count(i => i.Severity == IssueSeverity.Error);

    public int WarningCount => issues.Count(i => i.Severity == IssueSeverity.Warning);

    public void Add(ValidationIssue issue)
    {
        if (seen.Add((issue.File, issue.Line, issue.Message)))
        {
            issues.Add(issue);
        }
    }

    public void Error(string check, XObject? node, string message) => Add(ValidationIssue.At(IssueSeverity.Error, check, node, message));

    public void Warning(string check, XObject? node, string message) => Add(ValidationIssue.At(IssueSeverity.Warning, check, node, message));

    public void Error(string check, string file, string message) => Add(new ValidationIssue(IssueSeverity.Error, check, file, 0, string.Empty, message));
}
