using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// Dataverse's paging cookie: <c>&lt;cookie page="1"&gt;&lt;name last="…" first="…" /&gt;&lt;pcrm_xid last="{GUID}" first="{GUID}" /&gt;&lt;/cookie&gt;</c>,
/// one element per sort column (the primary key last). The next page starts strictly after the "last"
/// values, so rows inserted before the cursor never shift the pages that follow.
/// </summary>
internal sealed class PagingCookie
{
    public PagingCookie(int page, IReadOnlyList<CookieValue> values)
    {
        Page = page;
        Values = values;
    }

    public int Page { get; }

    public IReadOnlyList<CookieValue> Values { get; }

    public static string Build(int page, IReadOnlyList<(string Attribute, object? First, object? Last)> columns)
    {
        var cookie = new XElement("cookie", new XAttribute("page", page.ToString(CultureInfo.InvariantCulture)));
        foreach (var (attribute, first, last) in columns)
        {
            var element = new XElement(attribute);
            Add(element, "last", last);
            Add(element, "first", first);
            cookie.Add(element);
        }

        return cookie.ToString(SaveOptions.DisableFormatting);
    }

    public static PagingCookie? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var cookie = XElement.Parse(text);
            if (cookie.Name.LocalName != "cookie" || !int.TryParse((string?)cookie.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page))
            {
                return null;
            }

            var values = cookie.Elements()
                .Select(e => new CookieValue(e.Name.LocalName, (string?)e.Attribute("last"), (string?)e.Attribute("lastnull") == "1"))
                .ToArray();
            return new PagingCookie(page, values);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static void Add(XElement element, string name, object? value)
    {
        if (value is null)
        {
            element.Add(new XAttribute(name + "null", "1"));
        }
        else
        {
            element.Add(new XAttribute(name, ValueComparer.ToText(value)));
        }
    }
}

/// <summary>The last value of one sort column on the previous page.</summary>
internal sealed record CookieValue(string Attribute, string? Last, bool LastIsNull);
