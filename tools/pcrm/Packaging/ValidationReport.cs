using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Result of a validation: findings, component counts and the schema exceptions that were applied.</summary>
internal sealed class ValidationReport
{
    public ValidationReport(IssueList issues, IReadOnlyList<KeyValuePair<string, int>> counts, IReadOnlyDictionary<SchemaException, int> exceptionsApplied)
    {
        Issues = issues;
        Counts = counts;
        ExceptionsApplied = exceptionsApplied;
    }

    public IssueList Issues { get; }

    public IReadOnlyList<KeyValuePair<string, int>> Counts { get; }

    public IReadOnlyDictionary<SchemaException, int> ExceptionsApplied { get; }

    public bool IsClean => Issues.ErrorCount == 0;

    public void Print(TextWriter output)
    {
        foreach (var issue in Issues.All.OrderByDescending(i => i.Severity).ThenBy(i => i.File, System.StringComparer.Ordinal).ThenBy(i => i.Line))
        {
            output.WriteLine(issue);
        }

        output.WriteLine($"组件 components: {string.Join(", ", Counts.Select(c => $"{c.Value} {c.Key}"))}");
        foreach (var (exception, count) in ExceptionsApplied.OrderBy(e => e.Key.Parent, System.StringComparer.Ordinal))
        {
            output.WriteLine($"XSD 例外 schema exception applied ×{count}: {exception.Parent}/{exception.Child} ({exception.Kind})");
        }

        output.WriteLine($"结果 result: {Issues.ErrorCount} 个错误 errors, {Issues.WarningCount} 个警告 warnings");
    }
}
