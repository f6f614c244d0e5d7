using System;
using System.IO;
using System.Linq;
using PropertyCrm.Cli.Packaging.Generation;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// The generated parts of Solution/ (plug-in assemblies, steps, Custom APIs, their root components) are what
/// the code declares today. The generator runs into a temp copy; any file it changes means the committed
/// Solution/ has drifted from PluginCatalog or the built assemblies.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class GeneratedSolutionDriftTests
{
    private readonly PackagingFixture fixture;

    public GeneratedSolutionDriftTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Generate_IntoCopyOfCommittedSolution_ChangesNothing()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);

        var changed = ComponentGenerator.Generate(fixture.Input, copy.Root).Write(copy.Root);

        Assert.True(changed.Count == 0,
            "Solution/ 与代码声明不一致，请运行 ./pcrm generate 并提交结果 / Solution/ is out of date with the code declarations: "
            + "run ./pcrm generate and commit the result. Differences:" + Environment.NewLine + string.Join(Environment.NewLine, changed));
        AssertSameTree(RepoPaths.Solution, copy.Root);
    }

    [Fact]
    public void Generate_Twice_IsByteStable()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        ComponentGenerator.Generate(fixture.Input, copy.Root).Write(copy.Root);

        var second = ComponentGenerator.Generate(fixture.Input, copy.Root).Write(copy.Root);

        Assert.Empty(second);
    }

    [Fact]
    public void Generate_CommittedSolutionXml_KeepsEveryNonGeneratedLine()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        ComponentGenerator.Generate(fixture.Input, copy.Root).Write(copy.Root);

        var before = File.ReadAllLines(Path.Combine(RepoPaths.Solution, "Other", "Solution.xml")).Where(NotGenerated);
        var after = File.ReadAllLines(copy.Full("Other/Solution.xml")).Where(NotGenerated);

        Assert.Equal(before, after);
    }

    private static bool NotGenerated(string line) =>
        !line.Contains("<RootComponent type=\"91\"", StringComparison.Ordinal) && !line.Contains("<RootComponent type=\"92\"", StringComparison.Ordinal);

    private static void AssertSameTree(string expected, string actual)
    {
        static string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                $"{file} differs from what ./pcrm generate writes; run ./pcrm generate and commit the result.");
        }
    }
}
