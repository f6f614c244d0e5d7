using System;
using System.Collections.Generic;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>What the generator needs to know about a built net462 assembly, read without loading it.</summary>
internal sealed class BuiltAssembly
{
    public BuiltAssembly(string path, string name, Version version, string publicKeyToken, IReadOnlyList<string> pluginTypes, IReadOnlyList<string> workflowActivityTypes)
    {
        Path = path;
        Name = name;
        Version = version;
        PublicKeyToken = publicKeyToken;
        PluginTypes = pluginTypes;
        WorkflowActivityTypes = workflowActivityTypes;
    }

    public string Path { get; }

    /// <summary>Simple name, e.g. PropertyCrm.Plugins.</summary>
    public string Name { get; }

    public Version Version { get; }

    /// <summary>Lower-case hex, as Dataverse writes it.</summary>
    public string PublicKeyToken { get; }

    /// <summary>Full names of the public, non-abstract IPlugin classes.</summary>
    public IReadOnlyList<string> PluginTypes { get; }

    /// <summary>Full names of the public, non-abstract CodeActivity classes.</summary>
    public IReadOnlyList<string> WorkflowActivityTypes { get; }

    /// <summary>"PropertyCrm.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=…", the form exports use everywhere.</summary>
    public string FullName => $"{Name}, Version={Version}, Culture=neutral, PublicKeyToken={PublicKeyToken}";

    public string QualifiedTypeName(string typeFullName) => $"{typeFullName}, {FullName}";
}
