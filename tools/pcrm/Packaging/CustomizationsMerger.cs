using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Builds customizations.xml from an unpacked solution folder the way SolutionPackager does
/// (SOLUTION-LAYOUT §3): start from Other/Customizations.xml and fill each section from the component
/// files. validate and pack both call this, so what is validated is exactly what is packed.
/// </summary>
internal sealed class CustomizationsMerger
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string FormsElement = "forms";
    private const string FormElement = "systemform";
    private const string ViewsElement = "savedqueries";
    private const string ViewElement = "savedquery";
    private const string FileNameElement = "FileName";

    private readonly SolutionFolder folder;
    private readonly IReadOnlyDictionary<string, string> builtAssemblies;

    /// <param name="folder">The unpacked solution.</param>
    /// <param name="builtAssemblies">
    /// Assembly simple name → built DLL path. The DLLs are build output, not source, so they are mapped in
    /// at pack time (what SolutionPackager's /map does) instead of being committed under PluginAssemblies/.
    /// </param>
    public CustomizationsMerger(SolutionFolder folder, IReadOnlyDictionary<string, string>? builtAssemblies = null)
    {
        this.folder = folder;
        this.builtAssemblies = builtAssemblies ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// The merge a zip for the given base language holds: the source merge with its language parts (label order,
    /// base-language names, &lt;Languages&gt;) put in that language's form by <see cref="BaseLanguageTransform"/>.
    /// </summary>
    public MergedSolution Merge(PackageKind kind, BaseLanguage language)
    {
        var merged = Merge(kind);
        BaseLanguageTransform.Apply(merged.Customizations.Root!, language);
        return merged;
    }

    /// <summary>The merge exactly as Solution/ holds it (authored with base 2052).</summary>
    public MergedSolution Merge(PackageKind kind)
    {
        RefuseUnknownFolders();
        var root = folder.ReadRoot(SolutionPaths.Customizations);
        if (root.Name.LocalName != "ImportExportXml")
        {
            throw new SolutionFormatException(SolutionPaths.Customizations, "根元素必须是 ImportExportXml / root element must be ImportExportXml");
        }

        var parts = new List<SidePart>();
        Fill(root, CustomizationSections.Entities, Entities(kind));
        Fill(root, CustomizationSections.Roles, Roots(SolutionPaths.RolesFolder, kind));
        Fill(root, CustomizationSections.Workflows, Workflows(parts));
        Fill(root, CustomizationSections.FieldSecurityProfiles, ChildrenOfFile(SolutionPaths.FieldSecurityProfiles));
        Fill(root, CustomizationSections.SiteMap, LegacySiteMap(kind));
        Fill(root, CustomizationSections.EntityMaps, ChildrenOfFile(SolutionPaths.EntityMaps));
        Fill(root, CustomizationSections.EntityRelationships, Relationships());
        Fill(root, CustomizationSections.OptionSets, Roots(SolutionPaths.OptionSetsFolder, kind));
        Fill(root, CustomizationSections.Dashboards, Roots(SolutionPaths.DashboardsFolder, kind));
        Fill(root, CustomizationSections.WebResources, WebResources(parts));
        Fill(root, CustomizationSections.PluginAssemblies, PluginAssemblies(parts));
        Fill(root, CustomizationSections.Steps, Roots(SolutionPaths.StepsFolder, kind));
        Fill(root, CustomizationSections.AppModuleSiteMaps, FolderRoots(SolutionPaths.AppSiteMapsFolder, SolutionPaths.AppSiteMapFile, kind));
        Fill(root, CustomizationSections.AppModules, FolderRoots(SolutionPaths.AppModulesFolder, SolutionPaths.AppModuleFile, kind));
        DropEmptySectionsTheSchemaRejects(root);
        parts.AddRange(VerbatimParts());

        // The packed file declares xsi once, on the root (SOLUTION-LAYOUT §3.2); the component files each
        // declared it on their own root, which the merge strips.
        if (root.Attribute(XNamespace.Xmlns + "xsi") is null)
        {
            root.Add(new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName));
        }

        return new MergedSolution(kind, new XDocument(root), parts);
    }

    /// <summary>Moves a file root into the merge: drops its own namespace declarations, keeps origin and lines.</summary>
    private static XElement Embed(XElement element)
    {
        element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return element;
    }

    /// <summary>Children of a file's root, each annotated with the file (the root itself is not merged).</summary>
    private static IEnumerable<XElement> TakeChildren(XElement fileRoot)
    {
        var origin = fileRoot.Annotation<SourceOrigin>()!;
        foreach (var child in fileRoot.Elements().ToList())
        {
            child.Remove();
            child.AddAnnotation(origin);
            yield return Embed(child);
        }
    }

    private static void Fill(XElement root, string sectionName, IEnumerable<XElement> content)
    {
        var children = content.ToList();
        if (children.Count == 0)
        {
            return;
        }

        var section = root.Element(sectionName);
        if (section is null)
        {
            section = new XElement(sectionName);
            InsertInExportOrder(root, section);
        }

        section.Add(children);
    }

    private static void InsertInExportOrder(XElement root, XElement section)
    {
        var order = CustomizationSections.ExportOrder;
        var index = IndexOf(order, section.Name.LocalName);
        var next = root.Elements().FirstOrDefault(e => IndexOf(order, e.Name.LocalName) > index);
        if (next is null)
        {
            root.Add(section);
        }
        else
        {
            next.AddBeforeSelf(section);
        }
    }

    private static int IndexOf(IReadOnlyList<string> order, string name)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static void DropEmptySectionsTheSchemaRejects(XElement root)
    {
        root.Elements()
            .Where(e => CustomizationSections.RequireContent.Contains(e.Name.LocalName) && !e.HasElements)
            .ToList()
            .ForEach(e => e.Remove());
    }

    private void RefuseUnknownFolders()
    {
        foreach (var top in folder.Folders(string.Empty))
        {
            if (!SolutionPaths.KnownTopLevelFolders.Contains(top, StringComparer.Ordinal))
            {
                throw new SolutionFormatException(top, "pcrm pack 不支持此文件夹，打包会丢失其内容 / folder not supported by pcrm pack; its content would be lost");
            }
        }
    }

    /// <summary>One root per file in a flat folder, using the managed twin where the package kind asks for it.</summary>
    private IEnumerable<XElement> Roots(string relativeFolder, PackageKind kind) =>
        folder.Files(relativeFolder, "*.xml")
            .Where(f => !SolutionFolder.IsManagedTwin(f))
            .Select(f => Embed(folder.ReadRoot(folder.Variant(f, kind))));

    /// <summary>One root per sub-folder (AppModules/&lt;name&gt;/AppModule.xml and similar).</summary>
    private IEnumerable<XElement> FolderRoots(string relativeFolder, string fileName, PackageKind kind) =>
        folder.Folders(relativeFolder)
            .Select(sub => $"{sub}/{fileName}")
            .Where(folder.FileExists)
            .Select(f => Embed(folder.ReadRoot(folder.Variant(f, kind))));

    private IEnumerable<XElement> ChildrenOfFile(string relativePath) =>
        folder.FileExists(relativePath) ? TakeChildren(folder.ReadRoot(relativePath)) : Enumerable.Empty<XElement>();

    private IEnumerable<XElement> LegacySiteMap(PackageKind kind)
    {
        if (!folder.FileExists(SolutionPaths.LegacySiteMap))
        {
            yield break;
        }

        yield return Embed(folder.ReadRoot(folder.Variant(SolutionPaths.LegacySiteMap, kind)));
    }

    private IEnumerable<XElement> Relationships() =>
        folder.Files(SolutionPaths.RelationshipsFolder, "*.xml")
            .SelectMany(f => TakeChildren(folder.ReadRoot(f)))
            .OrderBy(r => (string?)r.Attribute("Name"), StringComparer.Ordinal);

    private IEnumerable<XElement> Entities(PackageKind kind)
    {
        foreach (var entityFolder in folder.Folders(SolutionPaths.EntitiesFolder))
        {
            var entityFile = $"{entityFolder}/{SolutionPaths.EntityFile}";
            if (!folder.FileExists(entityFile))
            {
                throw new SolutionFormatException(entityFolder, "表文件夹缺少 Entity.xml / table folder has no Entity.xml");
            }

            var entity = Embed(folder.ReadRoot(entityFile));
            MergeForms(entity, entityFolder, kind);
            MergeViews(entity, entityFolder, kind);
            MergeCharts(entity, entityFolder, kind);
            MergeRibbon(entity, entityFolder);
            yield return entity;
        }
    }

    private static XElement Placeholder(XElement entity, string name)
    {
        var placeholder = entity.Element(name);
        if (placeholder is null)
        {
            placeholder = new XElement(name);
            entity.Add(placeholder);
        }

        return placeholder;
    }

    private void MergeForms(XElement entity, string entityFolder, PackageKind kind)
    {
        var typeFolders = folder.Folders($"{entityFolder}/{SolutionPaths.FormsFolder}");
        if (typeFolders.Count == 0)
        {
            return;
        }

        var formXml = Placeholder(entity, SolutionPaths.FormsFolder);
        foreach (var typeFolder in typeFolders)
        {
            // One <forms type="main"> per form-type folder, holding every systemform of that type.
            var forms = new XElement(FormsElement, new XAttribute("type", Path.GetFileName(typeFolder)));
            foreach (var file in folder.Files(typeFolder, "*.xml").Where(f => !SolutionFolder.IsManagedTwin(f)))
            {
                forms.Add(TakeChildren(folder.ReadRoot(folder.Variant(file, kind))).Where(e => e.Name.LocalName == FormElement));
            }

            formXml.Add(forms);
        }
    }

    private void MergeViews(XElement entity, string entityFolder, PackageKind kind)
    {
        var files = folder.Files($"{entityFolder}/{SolutionPaths.ViewsFolder}", "*.xml").Where(f => !SolutionFolder.IsManagedTwin(f)).ToList();
        if (files.Count == 0)
        {
            return;
        }

        var views = new XElement(ViewsElement);
        foreach (var file in files)
        {
            views.Add(TakeChildren(folder.ReadRoot(folder.Variant(file, kind))).Where(e => e.Name.LocalName == ViewElement));
        }

        Placeholder(entity, SolutionPaths.ViewsFolder).Add(views);
    }

    private void MergeCharts(XElement entity, string entityFolder, PackageKind kind)
    {
        var files = folder.Files($"{entityFolder}/{SolutionPaths.ChartsFolder}", "*.xml").Where(f => !SolutionFolder.IsManagedTwin(f)).ToList();
        if (files.Count == 0)
        {
            return;
        }

        var charts = Placeholder(entity, SolutionPaths.ChartsFolder);
        foreach (var file in files)
        {
            charts.Add(Embed(folder.ReadRoot(folder.Variant(file, kind))));
        }
    }

    private void MergeRibbon(XElement entity, string entityFolder)
    {
        var file = $"{entityFolder}/{SolutionPaths.EntityRibbon}";
        if (!folder.FileExists(file))
        {
            return;
        }

        var ribbon = Embed(folder.ReadRoot(file));
        var placeholder = entity.Element(ribbon.Name);
        if (placeholder is null)
        {
            entity.Add(ribbon);
        }
        else
        {
            placeholder.ReplaceWith(ribbon);
        }
    }

    private IEnumerable<XElement> Workflows(List<SidePart> parts)
    {
        foreach (var file in folder.Files(SolutionPaths.WorkflowsFolder, "*" + SolutionPaths.DataXmlSuffix))
        {
            var workflow = Embed(folder.ReadRoot(file));
            foreach (var body in new[] { "XamlFileName", "JsonFileName" }.Select(n => workflow.Element(n)).OfType<XElement>())
            {
                var zipPath = body.Value.TrimStart('/');
                parts.Add(new SidePart(zipPath, Existing(zipPath), file));
            }

            yield return workflow;
        }
    }

    private IEnumerable<XElement> WebResources(List<SidePart> parts)
    {
        foreach (var file in folder.Files(SolutionPaths.WebResourcesFolder, "*" + SolutionPaths.DataXmlSuffix, recursive: true))
        {
            var resource = Embed(folder.ReadRoot(file));
            var fileName = resource.Element(FileNameElement);
            if (fileName is not null)
            {
                // Unpacked, the body sits next to its .data.xml under its readable name; the zip path is
                // whatever <FileName> says (SOLUTION-LAYOUT §2, file-name rules).
                var body = file[..^SolutionPaths.DataXmlSuffix.Length];
                parts.Add(new SidePart(fileName.Value.TrimStart('/'), Existing(body), file));
            }

            yield return resource;
        }
    }

    private IEnumerable<XElement> PluginAssemblies(List<SidePart> parts)
    {
        foreach (var assemblyFolder in folder.Folders(SolutionPaths.PluginAssembliesFolder))
        {
            foreach (var file in folder.Files(assemblyFolder, "*.dll" + SolutionPaths.DataXmlSuffix))
            {
                var assembly = Embed(folder.ReadRoot(file));
                var zipPath = assembly.Element(FileNameElement)?.Value.TrimStart('/');
                if (zipPath is not null)
                {
                    var simpleName = ((string?)assembly.Attribute("FullName") ?? string.Empty).Split(',')[0].Trim();
                    var source = Existing(zipPath)
                        ?? (builtAssemblies.TryGetValue(simpleName, out var built) && File.Exists(built) ? built : null);
                    parts.Add(new SidePart(zipPath, source, file));
                }

                yield return assembly;
            }
        }
    }

    private IEnumerable<SidePart> VerbatimParts() =>
        SolutionPaths.VerbatimFolders
            .SelectMany(f => folder.Files(f, "*", recursive: true))
            .Select(f => new SidePart(f, folder.FullPath(f), f));

    private string? Existing(string relativePath) => folder.FileExists(relativePath) ? folder.FullPath(relativePath) : null;
}
