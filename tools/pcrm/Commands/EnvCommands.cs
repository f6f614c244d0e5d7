using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PropertyCrm.Cli.Environments;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm env add|list|remove|who`: named Dataverse environment profiles in environments.json (no secrets), and
/// WhoAmI to check a profile signs in.
/// </summary>
internal static class EnvCommands
{
    public static Command Build(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var env = new Command("env", "Dataverse 环境配置 / named Dataverse environments (add, list, remove, who)");
        env.Subcommands.Add(Add(environment, output, error));
        env.Subcommands.Add(List(environment, output, error));
        env.Subcommands.Add(Remove(environment, output, error));
        env.Subcommands.Add(Who(environment, output, error));
        return env;
    }

    private static Command Add(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "profile name, e.g. test or prod" };
        var url = new Option<string>("--url") { Description = "https://<org>.crm<N>.dynamics.com", Required = true };
        var tenant = new Option<string?>("--tenant") { Description = "Entra ID tenant id or domain" };
        var clientId = new Option<string?>("--client-id") { Description = "app registration (client) id" };
        var secretVariable = new Option<string?>("--client-secret-env") { Description = "name of the environment variable holding the client secret (the secret itself is never stored)" };
        var deviceCode = new Option<bool>("--device-code") { Description = "sign in with a device code (no browser here, e.g. over SSH)" };
        var managedIdentity = new Option<bool>("--managed-identity") { Description = "sign in as the Azure managed identity (--client-id: user-assigned)" };
        var command = new Command("add", "添加或更新环境 / add or update an environment profile") { name, url, tenant, clientId, secretVariable, deviceCode, managedIdentity };
        command.SetAction(parse => WebApiConsole.Guard(error, () =>
        {
            var profileName = parse.GetValue(name)!;
            if (!ProfileStore.IsValidName(profileName))
            {
                throw CliFailure.Usage($"环境名 '{profileName}' 只能含字母、数字、点、横线和下划线", $"The environment name '{profileName}' may hold letters, digits, dots, hyphens and underscores only");
            }

            if (!EnvironmentUrl.TryParse(parse.GetValue(url)!, out var parsedUrl, out var problem))
            {
                throw new CliFailure(2, problem);
            }

            var chosen = new[] { parse.GetValue(secretVariable) is not null, parse.GetValue(deviceCode), parse.GetValue(managedIdentity) }.Count(c => c);
            if (chosen > 1)
            {
                throw CliFailure.Usage("--client-secret-env、--device-code、--managed-identity 只能选一个", "Choose one of --client-secret-env, --device-code and --managed-identity");
            }

            var signIn = parse.GetValue(secretVariable) is not null ? SignIn.ClientSecret
                : parse.GetValue(deviceCode) ? SignIn.DeviceCode
                : parse.GetValue(managedIdentity) ? SignIn.ManagedIdentity
                : SignIn.Browser;
            if (signIn == SignIn.ClientSecret && (parse.GetValue(tenant) is null || parse.GetValue(clientId) is null))
            {
                throw CliFailure.Usage("--client-secret-env 需要同时给出 --tenant 和 --client-id", "--client-secret-env needs --tenant and --client-id too");
            }

            var store = new ProfileStore(environment.ConfigDirectory);
            var profiles = store.Load().Where(p => !string.Equals(p.Name, profileName, System.StringComparison.OrdinalIgnoreCase)).ToList();
            var replaced = profiles.Count != store.Load().Count;
            profiles.Add(new EnvironmentProfile(profileName, parsedUrl.AbsoluteUri.TrimEnd('/'), signIn, parse.GetValue(tenant), parse.GetValue(clientId), parse.GetValue(secretVariable)));
            store.Save(profiles);
            output.WriteLine(replaced
                ? $"已更新环境 {profileName} / Updated environment {profileName}: {parsedUrl.AbsoluteUri.TrimEnd('/')} ({signIn})"
                : $"已添加环境 {profileName} / Added environment {profileName}: {parsedUrl.AbsoluteUri.TrimEnd('/')} ({signIn})");
            output.WriteLine($"配置文件 / profiles file: {store.FilePath}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command List(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var command = new Command("list", "列出环境 / list environment profiles");
        command.SetAction(_ => WebApiConsole.Guard(error, () =>
        {
            var store = new ProfileStore(environment.ConfigDirectory);
            var profiles = store.Load();
            if (profiles.Count == 0)
            {
                output.WriteLine($"尚无环境(pcrm env add <name> --url ...)/ No environments yet (pcrm env add <name> --url ...); profiles file: {store.FilePath}");
                return Task.FromResult(0);
            }

            var table = WebApiConsole.Table("name", "url", "sign-in", "tenant", "client id");
            foreach (var profile in profiles)
            {
                WebApiConsole.AddRow(table, profile.Name, profile.Url, profile.SignIn.ToString(), profile.TenantId ?? "-", profile.ClientId ?? "-");
            }

            WebApiConsole.For(output, environment.Interactive).Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Remove(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name");
        var command = new Command("remove", "删除环境(及其登录账户记录)/ remove a profile and its remembered account") { name };
        command.SetAction(parse => WebApiConsole.Guard(error, () =>
        {
            var store = new ProfileStore(environment.ConfigDirectory);
            var profile = store.Get(parse.GetValue(name)!);
            store.Save(store.Load().Where(p => p.Name != profile.Name).ToList());
            var record = store.AuthenticationRecordPath(profile.Name);
            if (File.Exists(record))
            {
                File.Delete(record);
            }

            output.WriteLine($"已删除环境 {profile.Name} / Removed environment {profile.Name}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Who(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var env = EnvOption();
        var command = new Command("who", "登录并调用 WhoAmI / sign in and call WhoAmI") { env };
        command.SetAction(parse => WebApiConsole.Guard(error, async () =>
        {
            using var client = WebApiConsole.Connect(environment, parse.GetValue(env)!, error);
            var me = await client.GetAsync("WhoAmI", default).ConfigureAwait(false);
            output.WriteLine($"环境 / environment: {client.EnvironmentUrl.AbsoluteUri.TrimEnd('/')}");
            output.WriteLine($"UserId: {me["UserId"]}");
            output.WriteLine($"BusinessUnitId: {me["BusinessUnitId"]}");
            output.WriteLine($"OrganizationId: {me["OrganizationId"]}");
            return 0;
        }));
        return command;
    }

    public static Option<string> EnvOption() => new("--env") { Description = "environment profile name (pcrm env list)", Required = true };

    public static IReadOnlyList<string> Names => new[] { "env" };
}
