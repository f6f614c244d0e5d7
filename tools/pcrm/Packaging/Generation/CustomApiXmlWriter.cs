using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// customapis/&lt;uniquename&gt;/… as exports write them (Contoso, ROMTS; doc D4): lower-case elements in
/// alphabetical order, no XML declaration, labels with the base language (Chinese, 2052) as default.
/// </summary>
internal static class CustomApiXmlWriter
{
    private const string RequestFolder = "customapirequestparameters";
    private const string ResponseFolder = "customapiresponseproperties";

    /// <summary>
    /// The API's contract is ours: a customer's change to a parameter would break the plug-in, so the
    /// managed components are not customizable (the API itself included, unlike the Contoso sample).
    /// </summary>
    private const string NotCustomizable = "0";

    public static IEnumerable<KeyValuePair<string, XDocument>> Build(CustomApiDeclaration api, BuiltAssembly assembly)
    {
        var typeName = api.PluginType.FullName!;
        if (!assembly.PluginTypes.Contains(typeName))
        {
            throw new GenerationException($"自定义 API '{api.UniqueName}' 的插件类型不在 {assembly.Name} 中 / the Custom API's plug-in type is not a public IPlugin class of the built {assembly.Name}");
        }

        var folder = $"{SolutionPaths.CustomApisFolder}/{api.UniqueName}";
        var root = new XElement("customapi",
            new XAttribute("uniquename", api.UniqueName),
            new XElement("allowedcustomprocessingsteptype", Number((int)api.AllowedCustomProcessingStepType)),
            new XElement("bindingtype", Number((int)api.BindingType)),
            api.BoundEntityLogicalName is null ? null : new XElement("boundentitylogicalname", api.BoundEntityLogicalName),
            Labels("description", api.Description),
            Labels("displayname", api.DisplayName),
            api.ExecutePrivilegeName is null ? null : new XElement("executeprivilegename", api.ExecutePrivilegeName),
            new XElement("iscustomizable", NotCustomizable),
            new XElement("isfunction", Flag(api.IsFunction)),
            new XElement("isprivate", Flag(api.IsPrivate)),
            new XElement("name", api.DisplayName.English),
            new XElement("plugintypeid", new XElement("plugintypeexportkey", ComponentIds.Plain(ComponentIds.PluginType(typeName)))),
            new XElement("workflowsdkstepenabled", GeneratedValues.False));
        yield return new($"{folder}/customapi.xml", new XDocument(root));

        foreach (var parameter in api.RequestParameters)
        {
            yield return new(
                $"{folder}/{RequestFolder}/{parameter.UniqueName}/customapirequestparameter.xml",
                new XDocument(Field("customapirequestparameter", parameter, request: true)));
        }

        foreach (var property in api.ResponseProperties)
        {
            yield return new(
                $"{folder}/{ResponseFolder}/{property.UniqueName}/customapiresponseproperty.xml",
                new XDocument(Field("customapiresponseproperty", property, request: false)));
        }
    }

    private static XElement Field(string elementName, CustomApiField field, bool request) =>
        new(elementName,
            new XAttribute("uniquename", field.UniqueName),
            Labels("description", field.Description),
            Labels("displayname", field.DisplayName),
            new XElement("iscustomizable", NotCustomizable),

            // isoptional is invalid on a response property (doc D4 note).
            request ? new XElement("isoptional", Flag(field.IsOptional)) : null,
            field.LogicalEntityName is null ? null : new XElement("logicalentityname", field.LogicalEntityName),
            new XElement("name", field.UniqueName),
            new XElement("type", Number((int)field.Type)));

    private static XElement Labels(string name, LocalizedText text) =>
        new(name,
            new XAttribute("default", text.Chinese),
            new XElement("label", new XAttribute("description", text.English), new XAttribute("languagecode", "1033")),
            new XElement("label", new XAttribute("description", text.Chinese), new XAttribute("languagecode", "2052")));

    private static string Flag(bool value) => value ? GeneratedValues.True : GeneratedValues.False;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
