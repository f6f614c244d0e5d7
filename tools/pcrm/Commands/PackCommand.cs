using System;
using System.Collections.Generic;
using System.IO;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Generation;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm pack`: build, check, validate and write PropertyCrm_&lt;version&gt;_managed.zip and _unmanaged.zip (base
/// language 2052) and PropertyCrm_&lt;version&gt;_en_managed.zip and _en_unmanaged.zip (base 1033);
/// --base-language writes one language's pair only.
/// </summary>
internal sealed class PackCommand : ICommand
{
    private const string Synopsis = "[--out <dir>] [--solution <dir>] [--schemas <dir>] [--base-language 2052|1033] [--no-build]";
    private const string NoBuildSwitch = "no-build";
    private static readonly string[] OptionNames = { "out", "solution", "schemas", "base-language" };

    public string Name => "pack";

    public string Summary => "build, validate and write the managed and unmanaged solution zips for base language 2052 and 1033 (default out/)";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("out", "folder for the zips (default out/)"),
        new CommandOption("solution", "unpacked solution folder (default Solution/)"),
        new CommandOption("schemas", "folder with Microsoft's Dataverse XSDs (default: the set built into pcrm)"),
        new CommandOption("base-language", "2052 or 1033: write only that base language's managed and unmanaged pair"),
        new CommandOption(NoBuildSwitch, "use the assemblies already built", IsSwitch: true),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var rest = CommandFlags.Take(args, new[] { NoBuildSwitch }, out var switches);
        if (!CommandOptions.TryParse(rest, OptionNames, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(CommandFlags.Usage(Name, Synopsis));
            return 2;
        }

        IReadOnlyList<BaseLanguage>? languages = null;
        if (options.TryGet("base-language", out var code))
        {
            if (BaseLanguage.Find(code) is not { } language)
            {
                error.WriteLine($"--base-language 只能是 2052 或 1033（不是 '{code}'）/ --base-language must be 2052 or 1033 (not '{code}').");
                error.WriteLine(CommandFlags.Usage(Name, Synopsis));
                return 2;
            }

            languages = new[] { language };
        }

        RepositoryLayout layout;
        try
        {
            layout = RepositoryLayout.Find();
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        var schemas = RepositoryLayout.SchemaFolder(options.TryGet("schemas", out var x) ? x : null);
        if (schemas is not null && !Directory.Exists(schemas))
        {
            error.WriteLine(ValidateCommand.MissingSchemas(schemas));
            return 2;
        }

        var packOptions = new PackOptions(
            options.TryGet("solution", out var s) ? s : layout.SolutionFolder,
            options.TryGet("out", out var o) ? o : Path.Combine(layout.Root, "out"),
            schemas,
            Build: !switches.Contains(NoBuildSwitch),
            languages);
        try
        {
            return SolutionPacker.Run(layout, packOptions, output, error);
        }
        catch (GenerationException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (SolutionFormatException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or InvalidOperationException)
        {
            // Missing reference assemblies or schema files, or an unreadable version: the environment, not the solution.
            error.WriteLine(e.Message);
            return 2;
        }
    }
}
