using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

internal enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>One finding, located in the Solution/ file a developer edits (not only in the merged document).</summary>
internal sealed record ValidationIssue(IssueSeverity Severity, string Check, string File, int Line, string Element, string Message)
{
    public static ValidationIssue At(IssueSeverity severity, string check, XObject? node, string message) =>
        new(severity, check, SourceOrigin.FileOf(node), SourceOrigin.LineOf(node), SourceOrigin.PathOf(node), message);

    public override string ToString()
    {
        var kind = Severity == IssueSeverity.Error ? "错误 error" : "警告 warning";
        var line = Line > 0 ? $":{Line}" : string.Empty;
        var element = Element.Length > 0 ? $" <{Element}>" : string.Empty;
        return $"{kind} [{Check}] {File}{line}{element}: {Message}";
    }
}
