using System;
using System.Linq;
using System.Reflection;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Deployables;

/// <summary>
/// What Dataverse requires of an assembly it loads into its sandbox: .NET Framework 4.6.2, strong-named,
/// and nothing to resolve beyond the framework and the platform's own SDK assemblies (9.0.0.0).
/// </summary>
public sealed class DeployableAssemblyTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";

    /// <summary>
    /// Public key token of keys/PropertyCrm.snk. Registered steps in every environment are bound to it:
    /// a new key means a new assembly identity, so this test fails loudly if the key changes.
    /// </summary>
    private const string PropertyCrmToken = "1738818060b60df8";

    public static TheoryData<string, string> Deployables => new()
    {
        { "Plugins", "PropertyCrm.Plugins" },
        { "WorkflowActivities", "PropertyCrm.WorkflowActivities" },
    };

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Assembly_ReleaseBuild_IsStrongNamedNet462(string folder, string name)
    {
        var path = RepoPaths.Net462Assembly(folder, name);
        using var context = FrameworkReferenceAssemblies.Context(path);
        var assembly = context.LoadFromAssemblyPath(path);

        Assert.NotEmpty(assembly.GetName().GetPublicKeyToken() ?? Array.Empty<byte>());
        Assert.Equal(PropertyCrmToken, Token(assembly.GetName()));
        var framework = assembly.GetCustomAttributesData()
            .Single(a => a.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute");
        Assert.Equal(".NETFramework,Version=v4.6.2", framework.ConstructorArguments[0].Value);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Assembly_References_OnlyFrameworkAndSdk900(string folder, string name)
    {
        var path = RepoPaths.Net462Assembly(folder, name);
        using var context = FrameworkReferenceAssemblies.Context(path);
        var references = context.LoadFromAssemblyPath(path).GetReferencedAssemblies();

        foreach (var reference in references)
        {
            if (reference.Name!.StartsWith("Microsoft.Xrm.Sdk", StringComparison.Ordinal) || reference.Name == "Microsoft.Crm.Sdk.Proxy")
            {
                Assert.Equal(new Version(9, 0, 0, 0), reference.Version);
                Assert.Equal(MicrosoftToken, Token(reference));
            }
            else
            {
                Assert.True(
                    reference.Name == "mscorlib" || reference.Name == "netstandard" || reference.Name.StartsWith("System", StringComparison.Ordinal),
                    $"{name} references {reference.FullName}, which Dataverse's sandbox does not provide.");
                Assert.NotEqual("netstandard", reference.Name);
            }
        }

        Assert.DoesNotContain(references, r => r.Name!.StartsWith("PropertyCrm", StringComparison.Ordinal));
    }

    private static string Token(AssemblyName name) =>
        Convert.ToHexString(name.GetPublicKeyToken() ?? Array.Empty<byte>()).ToLowerInvariant();
}
