using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// PluginAssemblies/&lt;Name&gt;-&lt;ID&gt;/&lt;Name&gt;.dll.data.xml, element order and attribute style of the
/// Contoso and explicitpluginimpersonation exports; custom workflow activities carry
/// &lt;WorkflowActivityGroupName&gt; like the PentaWork export ("PentaWork.Xrm.Scheduler (1.0.0.0)").
/// </summary>
internal static class PluginAssemblyXmlWriter
{
    /// <summary>Sandbox isolation (IsolationMode 2) and database storage (SourceType 0): the only options Dataverse online accepts.</summary>
    private const string Sandbox = "2";
    private const string Database = "0";

    public static string RelativeFolder(BuiltAssembly assembly) =>
        $"{SolutionPaths.PluginAssembliesFolder}/{ComponentIds.FolderName(assembly.Name)}-{ComponentIds.Plain(ComponentIds.Assembly(assembly.Name)).ToUpperInvariant()}";

    /// <summary>The path of the DLL inside the zip (and in &lt;FileName&gt;, with a leading '/').</summary>
    public static string ZipPath(BuiltAssembly assembly) => $"{RelativeFolder(assembly)}/{ComponentIds.FolderName(assembly.Name)}.dll";

    public static string DataFilePath(BuiltAssembly assembly) => ZipPath(assembly) + SolutionPaths.DataXmlSuffix;

    public static XDocument Build(BuiltAssembly assembly)
    {
        var types = assembly.PluginTypes.Select(t => Type(assembly, t, activity: false))
            .Concat(assembly.WorkflowActivityTypes.Select(t => Type(assembly, t, activity: true)));
        var root = new XElement("PluginAssembly",
            new XAttribute("FullName", assembly.FullName),
            new XAttribute("PluginAssemblyId", ComponentIds.Plain(ComponentIds.Assembly(assembly.Name))),
            new XAttribute("CustomizationLevel", "1"),
            new XAttribute(XNamespace.Xmlns + "xsi", CustomizationsMerger.Xsi.NamespaceName),
            new XElement("IsolationMode", Sandbox),
            new XElement("SourceType", Database),
            new XElement("IntroducedVersion", GeneratedValues.IntroducedVersion),
            new XElement("FileName", "/" + ZipPath(assembly)),
            new XElement("PluginTypes", types));
        return new XDocument(root);
    }

    private static XElement Type(BuiltAssembly assembly, string typeFullName, bool activity)
    {
        var type = new XElement("PluginType",
            new XAttribute("AssemblyQualifiedName", assembly.QualifiedTypeName(typeFullName)),
            new XAttribute("PluginTypeId", ComponentIds.Plain(ComponentIds.PluginType(typeFullName))),
            new XAttribute("Name", typeFullName));
        if (activity)
        {
            // The workflow designer lists an activity under its group, with Description as its label.
            type.Add(new XElement("Description", typeFullName[(typeFullName.LastIndexOf('.') + 1)..]));
        }

        type.Add(new XElement("FriendlyName", ComponentIds.Plain(ComponentIds.FriendlyName(typeFullName))));
        if (activity)
        {
            type.Add(new XElement("WorkflowActivityGroupName", $"{assembly.Name} ({assembly.Version})"));
        }

        return type;
    }
}
