using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>`pcrm env add|list|remove|who`: profiles on disk (no secrets), WhoAmI over the Web API, bilingual errors.</summary>
public sealed class EnvCommandTests
{
    [Fact]
    public void Add_ClientSecretProfile_StoresTheVariableNameNotTheSecret()
    {
        using var world = new WebApiWorld();
        Environment.SetEnvironmentVariable("PCRM_TEST_SECRET_NEVER_STORED", "s3cr3t-value");

        var (code, output, error) = world.Run("env", "add", "prod", "--url", "https://Contoso.crm5.dynamics.com/", "--tenant", "contoso.onmicrosoft.com", "--client-id", "11111111-2222-3333-4444-555555555555", "--client-secret-env", "PCRM_TEST_SECRET_NEVER_STORED");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("prod", output);
        var file = File.ReadAllText(Path.Combine(world.ConfigDirectory, "environments.json"));
        Assert.Contains("\"url\": \"https://contoso.crm5.dynamics.com\"", file);
        Assert.Contains("PCRM_TEST_SECRET_NEVER_STORED", file);
        Assert.DoesNotContain("s3cr3t-value", file);
    }

    [Fact]
    public void AddListRemove_TwoProfiles_ListShowsThemAndRemoveDropsOne()
    {
        using var world = new WebApiWorld();
        Assert.Equal(0, world.Run("env", "add", "test", "--url", "https://contoso-test.crm5.dynamics.com", "--device-code").Code);
        Assert.Equal(0, world.Run("env", "add", "prod", "--url", "https://contoso.crm5.dynamics.com", "--managed-identity").Code);

        var (_, listed, _) = world.Run("env", "list");
        Assert.Contains("contoso-test.crm5.dynamics.com", listed);
        Assert.Contains("DeviceCode", listed);
        Assert.Contains("ManagedIdentity", listed);

        Assert.Equal(0, world.Run("env", "remove", "test").Code);
        var (_, after, _) = world.Run("env", "list");
        Assert.DoesNotContain("contoso-test", after);
        Assert.Contains("contoso.crm5.dynamics.com", after);
    }

    [Theory]
    [InlineData("不是 Dataverse 环境地址", "env", "add", "x", "--url", "https://contoso.example.com")]
    [InlineData("须使用 https", "env", "add", "x", "--url", "http://contoso.crm5.dynamics.com")]
    [InlineData("不带路径", "env", "add", "x", "--url", "https://contoso.crm5.dynamics.com/main.aspx")]
    [InlineData("is not an absolute https URL", "env", "add", "x", "--url", "contoso")]
    [InlineData("只能选一个", "env", "add", "x", "--url", "https://contoso.crm5.dynamics.com", "--device-code", "--managed-identity")]
    [InlineData("needs --tenant and --client-id", "env", "add", "x", "--url", "https://contoso.crm5.dynamics.com", "--client-secret-env", "V")]
    [InlineData("Option '--url' is required", "env", "add", "x")]
    [InlineData("No environment named 'nope'", "env", "who", "--env", "nope")]
    [InlineData("Unrecognized command or argument", "env", "ad")]
    public void Run_BadInput_ExitsTwoWithBilingualMessageAndWritesNothing(string messagePart, params string[] args)
    {
        using var world = new WebApiWorld();

        var (code, output, error) = world.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(messagePart, error);
        Assert.Contains(" / ", error);
        Assert.False(File.Exists(Path.Combine(world.ConfigDirectory, "environments.json")));
    }

    [Fact]
    public void Who_FakeEnvironment_PrintsTheCallersIdsFromWhoAmI()
    {
        using var world = new WebApiWorld();
        var server = world.Environment("test");

        var (code, output, error) = world.Run("env", "who", "--env", "test");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains($"UserId: {PropertyCrm.Harness.FakeDataverse.AdminUserId:D}", output);
        Assert.Equal(1, server.Count("GET /api/data/v9.2/WhoAmI"));
    }

    [Fact]
    public void Who_RefusedToken_ExitsTwoWithBilingual401()
    {
        using var world = new WebApiWorld();
        world.Environment("test");
        world.Token = "expired";

        var (code, _, error) = world.Run("env", "who", "--env", "test");

        Assert.Equal(2, code);
        Assert.Contains("拒绝了登录凭据", error);
        Assert.Contains("refused the credentials (401)", error);
    }

    [Fact]
    public void Who_NothingListening_ExitsTwoCannotReach()
    {
        using var world = new WebApiWorld();
        var server = world.Environment("gone");
        server.Dispose();

        var (code, _, error) = world.Run("env", "who", "--env", "gone");

        Assert.Equal(2, code);
        Assert.Contains("无法连接环境", error);
        Assert.Contains("Cannot reach the environment", error);
    }

    public static IEnumerable<object[]> ConfigFolders()
    {
        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        yield return new object[] { new Dictionary<string, string> { ["PCRM_CONFIG_DIR"] = "/tmp/pcrm-ci", ["XDG_CONFIG_HOME"] = "/x", ["HOME"] = "/home/a" }, "/tmp/pcrm-ci" };
        if (!windows)
        {
            yield return new object[] { new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = "/x/config", ["HOME"] = "/home/a" }, "/x/config/pcrm" };
            yield return new object[] { new Dictionary<string, string> { ["HOME"] = "/Users/a" }, "/Users/a/.config/pcrm" };
            yield return new object[] { new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = "relative", ["HOME"] = "/home/a" }, "/home/a/.config/pcrm" };
        }
    }

    [Theory]
    [MemberData(nameof(ConfigFolders))]
    public void DefaultConfigDirectory_Variables_FollowsOverrideThenXdgThenHome(Dictionary<string, string> variables, string expected)
    {
        var folder = CliEnvironment.DefaultConfigDirectory(name => variables.TryGetValue(name, out var v) ? v : null);

        Assert.Equal(expected, folder);
    }

    [Theory]
    [InlineData("--url <url> (REQUIRED)", "env", "add", "--help")]
    [InlineData("--dry-run", "data", "push", "--help")]
    [InlineData("--upgrade", "import", "--help")]
    [InlineData("working-time deadline", "sla", "deadline", "--help")]
    public void Help_EachCommand_PrintsItsOptionsAndExitsZero(string expected, params string[] args)
    {
        using var world = new WebApiWorld();

        var (code, output, error) = world.Run(args);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(expected, output);
    }

    [Fact]
    public void Run_MistypedCommand_SuggestsTheClosestOne()
    {
        using var world = new WebApiWorld();

        var (code, _, error) = world.Run("imprt", "--env", "test");

        Assert.Equal(2, code);
        Assert.Contains("did you mean: import", error);
    }
}
