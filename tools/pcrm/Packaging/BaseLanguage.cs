using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// A base language pack writes a variant for. Dataverse imports a solution only into an environment whose base
/// language (fixed when the environment is created) equals the solution's, so each language gets its own zips.
/// </summary>
/// <param name="Code">The LCID: 2052 Chinese (Simplified), 1033 English.</param>
/// <param name="ZipSuffix">
/// Added after the version in the zip name. Empty for 2052, which keeps the names earlier releases had; "_en" for 1033.
/// </param>
/// <param name="Name">Bilingual name for console output.</param>
internal sealed record BaseLanguage(int Code, string ZipSuffix, string Name)
{
    /// <summary>The language Solution/ is authored in (Other/Solution.xml languagecode): the maker portal's export base.</summary>
    public static readonly BaseLanguage Chinese = new(2052, string.Empty, "中文 Chinese (Simplified)");

    public static readonly BaseLanguage English = new(1033, "_en", "英语 English");

    /// <summary>Every variant pack writes by default, the source language first.</summary>
    public static readonly IReadOnlyList<BaseLanguage> All = new[] { Chinese, English };

    public string CodeText => Code.ToString(CultureInfo.InvariantCulture);

    /// <summary>The language with this LCID ("2052" or "1033"), or null.</summary>
    public static BaseLanguage? Find(string code) => All.FirstOrDefault(l => string.Equals(l.CodeText, code.Trim(), StringComparison.Ordinal));
}
