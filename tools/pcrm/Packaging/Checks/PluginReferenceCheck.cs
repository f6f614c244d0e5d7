using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Steps and Custom APIs point at plug-in types the solution's assemblies declare, and steps on Custom API
/// messages name an API the solution ships. A dangling reference fails the import with an unhelpful error.
/// </summary>
internal sealed class PluginReferenceCheck : ISolutionCheck
{
    public string Name => "plugins";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var types = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var type in solution.PluginTypes)
        {
            types.TryAdd(RootComponentCheck.Normalize((string?)type.Attribute("PluginTypeId") ?? string.Empty), type);
        }

        var apis = new HashSet<string>(solution.CustomApis.Select(a => (string?)a.Attribute("uniquename") ?? string.Empty), StringComparer.OrdinalIgnoreCase);
        foreach (var step in solution.Steps)
        {
            var typeId = step.Element("PluginTypeId");
            if (typeId is null || !types.TryGetValue(RootComponentCheck.Normalize(typeId.Value), out var type))
            {
                issues.Error(Name, (XObject?)typeId ?? step, "步骤引用的插件类型不在解决方案中 / step refers to a plug-in type no assembly in the solution declares");
            }
            else if (step.Element("PluginTypeName")?.Value != (string?)type.Attribute("AssemblyQualifiedName"))
            {
                issues.Error(Name, step.Element("PluginTypeName") ?? step, "步骤的 PluginTypeName 与程序集不一致 / PluginTypeName differs from the type's AssemblyQualifiedName");
            }

            var message = step.Element("SdkMessageName");
            if (message is not null && !apis.Contains(message.Value))
            {
                issues.Warning(Name, message, $"消息 '{message.Value}' 不是本解决方案的自定义 API / message '{message.Value}' is not a Custom API of this solution");
            }

            if (message is null && step.Element("SdkMessageId") is null)
            {
                issues.Error(Name, step, "步骤没有 SdkMessageId 或 SdkMessageName / step names no message");
            }
        }

        foreach (var api in solution.CustomApis)
        {
            var key = api.Element("plugintypeid")?.Elements().FirstOrDefault();
            if (key is not null && !types.ContainsKey(RootComponentCheck.Normalize(key.Value)))
            {
                issues.Error(Name, key, "自定义 API 引用的插件类型不在解决方案中 / Custom API refers to a plug-in type no assembly in the solution declares");
            }
        }
    }
}
