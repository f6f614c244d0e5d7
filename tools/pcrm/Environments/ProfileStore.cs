using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.Environments;

/// <summary>
/// The profiles file, environments.json in the pcrm config folder (<see cref="CliEnvironment.DefaultConfigDirectory"/>).
/// Written whole through a temporary file, so a failed write never leaves half a file.
/// </summary>
internal sealed partial class ProfileStore
{
    public const string FileName = "environments.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public ProfileStore(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public IReadOnlyList<EnvironmentProfile> Load()
    {
        if (!File.Exists(FilePath))
        {
            return Array.Empty<EnvironmentProfile>();
        }

        try
        {
            var file = JsonSerializer.Deserialize<ProfileFile>(File.ReadAllText(FilePath), Json);
            return file?.Environments ?? new List<EnvironmentProfile>();
        }
        catch (JsonException e)
        {
            throw CliFailure.Usage($"环境配置文件 {FilePath} 无法读取:{e.Message}", $"The profiles file {FilePath} cannot be read: {e.Message}");
        }
    }

    public EnvironmentProfile Get(string name)
    {
        var profiles = Load();
        return profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw CliFailure.Usage(
                $"没有名为 '{name}' 的环境(已有:{Names(profiles)};用 pcrm env add 添加)",
                $"No environment named '{name}' (known: {Names(profiles)}; add one with pcrm env add)");
    }

    public void Save(IReadOnlyList<EnvironmentProfile> profiles)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new ProfileFile { Environments = profiles.OrderBy(p => p.Name, StringComparer.Ordinal).ToList() }, Json));
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>Where the Azure.Identity account record of a browser or device-code profile is kept (no secret in it).</summary>
    public string AuthenticationRecordPath(string name) => Path.Combine(Directory, "accounts", name.ToLowerInvariant() + ".json");

    private static string Names(IReadOnlyList<EnvironmentProfile> profiles) =>
        profiles.Count == 0 ? "-" : string.Join(", ", profiles.Select(p => p.Name));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    private sealed class ProfileFile
    {
        public List<EnvironmentProfile> Environments { get; set; } = new();
    }
}
