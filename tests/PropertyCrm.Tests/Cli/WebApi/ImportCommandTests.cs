using System.IO;
using System.IO.Compression;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>`pcrm import`: ImportSolutionAsync, polling asyncoperations and importjobs, the platform's verdict.</summary>
public sealed class ImportCommandTests
{
    [Theory]
    [InlineData(false, "ImportSolutionAsync")]
    [InlineData(true, "StageAndUpgradeAsync")]
    public void Import_SucceedingJob_PollsToCompletionAndPrintsComponents(bool upgrade, string action)
    {
        using var world = new WebApiWorld();
        var server = world.Environment("test");
        var zip = SolutionZip(world);

        var (code, output, error) = upgrade ? world.Run("import", "--env", "test", zip, "--upgrade") : world.Run("import", "--env", "test", zip);

        Assert.True(code == 0, error);
        Assert.Equal(1, server.Count($"POST /api/data/v9.2/{action}"));
        Assert.Equal(3, server.Count("GET /api/data/v9.2/asyncoperations("));
        Assert.Contains($"{action}: 20%", output);
        Assert.Contains($"{action}: 65%", output);
        Assert.Contains($"{action}: 100%", output);
        Assert.Contains("entity", output);
        Assert.Contains("导入成功 / Import succeeded (3 components, 3 polls)", output);
        Assert.Equal(3, world.Waits.Count);
    }

    [Fact]
    public void Import_FailingJob_ExitsOneWithThePlatformsErrorText()
    {
        using var world = new WebApiWorld();
        var server = world.Environment("test");
        const string Platform = "Solution manifest import: FAILURE: The import solution must have a higher version than the existing solution it is upgrading.";
        server.NextImport = ImportScript.Fails(Platform);

        var (code, _, error) = world.Run("import", "--env", "test", SolutionZip(world));

        Assert.Equal(1, code);
        Assert.Contains("导入失败:" + Platform, error);
        Assert.Contains("Import failed: " + Platform, error);
        Assert.Contains("solutionManifest PropertyCrm: " + Platform, error);
    }

    [Fact]
    public void Import_NotASolutionZip_ExitsTwoAndSendsNothing()
    {
        using var world = new WebApiWorld();
        var server = world.Environment("test");
        var path = world.Path2("notes.zip");
        File.WriteAllText(path, "not a zip");

        var (code, _, error) = world.Run("import", "--env", "test", path);

        Assert.Equal(2, code);
        Assert.Contains("不是 zip 文件", error);
        Assert.Contains("is not a zip file", error);
        Assert.Equal(0, server.Count("POST"));
    }

    private static string SolutionZip(WebApiWorld world)
    {
        var path = world.Path2("PropertyCrm_1.0.0.0_managed.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var name in new[] { "solution.xml", "customizations.xml", "[Content_Types].xml" })
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("<ImportExportXml />");
        }

        return path;
    }
}
