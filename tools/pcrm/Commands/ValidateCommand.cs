using System.Collections.Generic;
using System.IO;
using PropertyCrm.Cli.Packaging;

namespace PropertyCrm.Cli.Commands;

/// <summary>`pcrm validate`: XSD and project checks over Solution/, merged exactly as pack merges it.</summary>
internal sealed class ValidateCommand : ICommand
{
    private const string Synopsis = "[--solution <dir>] [--schemas <dir>]";
    private static readonly string[] OptionNames = { "solution", "schemas" };

    public string Name => "validate";

    public string Summary => "validate Solution/ (XSD + naming, labels, references, root components)";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("solution", "unpacked solution folder (default Solution/)"),
        new CommandOption("schemas", "folder with Microsoft's Dataverse XSDs (default: the set built into pcrm)"),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, OptionNames, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(CommandFlags.Usage(Name, Synopsis));
            return 2;
        }

        // An explicit --schemas that does not exist is reported before anything else looks for the repository.
        if (options.TryGet("schemas", out var explicitSchemas) && !Directory.Exists(explicitSchemas))
        {
            error.WriteLine(MissingSchemas(explicitSchemas));
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
        var schemas = RepositoryLayout.SchemaFolder(explicitSchemas);
        if (schemas is not null && !Directory.Exists(schemas))
        {
            error.WriteLine(MissingSchemas(schemas));
            return 2;
        }

        if (!Directory.Exists(solution))
        {
            error.WriteLine($"解决方案文件夹不存在 / solution folder does not exist: {solution}");
            return 2;
        }

        XsdValidator xsd;
        try
        {
            xsd = new XsdValidator(schemas);
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(MissingSchemas(schemas));
            return 2;
        }

        output.WriteLine($"验证 validating {Path.GetFullPath(solution)} (schemas: {xsd.Source})");
        var report = new SolutionValidator(xsd).Validate(new SolutionFolder(solution));
        report.Print(output);
        return report.IsClean ? 0 : 1;
    }

    /// <summary>
    /// A schema folder that was asked for (--schemas or PCRM_SCHEMAS) and is not there is a usage error: falling
    /// back to the built-in set would validate against schemas the user did not choose.
    /// </summary>
    public static string MissingSchemas(string? tried) =>
        $"找不到 Dataverse XSD 文件夹（{tried}）：--schemas 或环境变量 {RepositoryLayout.SchemasEnvironmentVariable} 指定的目录不存在；不指定则使用 pcrm 内置的 {EmbeddedSchemas.Version} 架构 / "
        + $"Dataverse schema folder not found ({tried}): the folder given with --schemas or {RepositoryLayout.SchemasEnvironmentVariable} does not exist; give neither to use the {EmbeddedSchemas.Version} schemas built into pcrm.";
}
