using System.Collections.Generic;
using System.IO;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Generation;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm generate`: writes the code-declared parts of Solution/ (plug-in assembly metadata, steps, Custom
/// APIs, their root components). `--check` only compares and fails on drift.
/// </summary>
internal sealed class GenerateCommand : ICommand
{
    private const string Synopsis = "[--solution <dir>] [--check] [--no-build]";
    private const string CheckSwitch = "check";
    private const string NoBuildSwitch = "no-build";
    private static readonly string[] OptionNames = { "solution" };

    public string Name => "generate";

    public string Summary => "write plug-in assemblies, steps and Custom APIs into Solution/ from the code declarations";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("solution", "unpacked solution folder (default Solution/)"),
        new CommandOption(CheckSwitch, "only compare: exit 1 when Solution/ is out of date", IsSwitch: true),
        new CommandOption(NoBuildSwitch, "use the assemblies already built", IsSwitch: true),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var rest = CommandFlags.Take(args, new[] { CheckSwitch, NoBuildSwitch }, out var switches);
        if (!CommandOptions.TryParse(rest, OptionNames, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(CommandFlags.Usage(Name, Synopsis));
            return 2;
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

        var solution = options.TryGet("solution", out var s) ? s : layout.SolutionFolder;
        if (!switches.Contains(NoBuildSwitch) && !ReleaseBuilder.Build(layout, output, error))
        {
            return 1;
        }

        GeneratedFileSet files;
        try
        {
            files = ComponentGenerator.Generate(CatalogInput.FromBuild(layout), solution);
        }
        catch (GenerationException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (DirectoryNotFoundException e)
        {
            // The .NET Framework reference assemblies are restored by a net462 build.
            error.WriteLine(e.Message);
            return 2;
        }

        if (switches.Contains(CheckSwitch))
        {
            var drift = files.Differences(solution);
            foreach (var difference in drift)
            {
                error.WriteLine($"  {difference}");
            }

            if (drift.Count > 0)
            {
                error.WriteLine("Solution/ 与代码声明不一致，请运行 ./pcrm generate / Solution/ is out of date: run ./pcrm generate and commit the result.");
                return 1;
            }

            output.WriteLine($"一致 up to date: {files.Files.Count} generated files");
            return 0;
        }

        var changed = files.Write(solution);
        foreach (var change in changed)
        {
            output.WriteLine($"  {change}");
        }

        output.WriteLine($"生成 generated {files.Files.Count} files, {changed.Count} changed");
        return 0;
    }
}
