using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// A form control bound to a column (&lt;control datafieldname&gt;) uses the control class its column type and
/// format call for: a phone column in the plain text control loses click-to-call, an e-mail one the mail
/// link, a lookup in anything but the lookup control does not render. Only the pairs below are checked;
/// other types (dates, choices, decimals, yes/no…) and columns the solution does not describe pass.
/// </summary>
internal sealed class ControlClassCheck : ISolutionCheck
{
    /// <summary>
    /// Control class ids: text, lookup, money, whole number and status as genuine exported forms under
    /// shared/reference/solution-examples use them for those column types; phone, e-mail and URL as Microsoft's
    /// FormControlClassId (PhoneNumberControl, EmailAddressControl, UrlControl) and the form XML control
    /// classid table (MSDN cc906186) name them.
    /// </summary>
    public static class ClassIds
    {
        public const string Text = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}";
        public const string TextArea = "{E0DECE4B-6FC8-4a8f-A065-082708572369}";
        public const string Phone = "{8C10015A-B339-4982-9474-A95FE05631A5}";
        public const string Email = "{ADA2203E-B4CD-49be-9DDF-234642B43B52}";
        public const string Url = "{71716B6C-711E-476c-8AB8-5D11542BFB47}";
        public const string Lookup = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}";
        public const string Money = "{533B9E00-756B-4312-95A0-DC888637AC78}";
        public const string WholeNumber = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}";
        public const string Status = "{5D68B988-0661-4DB2-BC3E-17598AD3BE6C}";
    }

    /// <summary>Allowed classes by "type" or "type/format" (nvarchar and int carry a format).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["nvarchar/text"] = new[] { ClassIds.Text },
        // Genuine exports show a text-area column in the text control; the multi-line control is the other documented choice.
        ["nvarchar/textarea"] = new[] { ClassIds.Text, ClassIds.TextArea },
        ["nvarchar/phone"] = new[] { ClassIds.Phone },
        ["nvarchar/email"] = new[] { ClassIds.Email },
        ["nvarchar/url"] = new[] { ClassIds.Url },
        ["lookup"] = new[] { ClassIds.Lookup },
        ["owner"] = new[] { ClassIds.Lookup },
        ["money"] = new[] { ClassIds.Money },
        ["int/none"] = new[] { ClassIds.WholeNumber },
        ["status"] = new[] { ClassIds.Status },
    };

    /// <summary>
    /// Platform columns of system tables our forms show, which their exported Entity.xml does not describe,
    /// with their format from the Dataverse table reference (powerapps-docs reference/entities/contact.md).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> PlatformColumnKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contact.mobilephone"] = "nvarchar/phone",
        ["contact.emailaddress1"] = "nvarchar/email",
    };

    public string Name => "controls";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        foreach (var entity in solution.Entities)
        {
            var table = SolutionIndex.LogicalNameOf(entity);
            var kinds = SolutionIndex.Columns(entity)
                .GroupBy(SolutionIndex.ColumnName)
                .ToDictionary(g => g.Key, g => KindOf(g.First()), StringComparer.Ordinal);
            foreach (var control in SolutionIndex.Forms(entity).Descendants("control"))
            {
                CheckControl(control, table, kinds, issues);
            }
        }
    }

    /// <summary>"type/format" for columns with a format (text and whole number), else "type".</summary>
    public static string KindOf(XElement attribute)
    {
        var type = attribute.Element("Type")?.Value.Trim().ToLowerInvariant() ?? string.Empty;
        var format = attribute.Element("Format")?.Value.Trim().ToLowerInvariant();
        return type switch
        {
            "nvarchar" => $"{type}/{(string.IsNullOrEmpty(format) ? "text" : format)}",
            "int" => $"{type}/{(string.IsNullOrEmpty(format) ? "none" : format)}",
            _ => type,
        };
    }

    private void CheckControl(XElement control, string table, IReadOnlyDictionary<string, string> kinds, IssueList issues)
    {
        var column = ((string?)control.Attribute("datafieldname"))?.Trim().ToLowerInvariant();
        var classId = (string?)control.Attribute("classid");
        if (string.IsNullOrEmpty(column) || classId is null)
        {
            return;
        }

        if (!kinds.TryGetValue(column, out var kind) && !PlatformColumnKinds.TryGetValue($"{table}.{column}", out kind))
        {
            return;
        }

        if (!Allowed.TryGetValue(kind, out var allowed) || allowed.Contains(classId, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        issues.Error(Name, (XObject?)control.Attribute("classid") ?? control,
            $"列 '{table}.{column}' ({kind}) 的窗体控件类 {classId} 不匹配，应为 {string.Join(" / ", allowed)} / form control for column '{table}.{column}' ({kind}) has class {classId}; a {kind} column needs {string.Join(" or ", allowed)}");
    }
}
