using System;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Checks;

namespace PropertyCrm.Harness.Metadata;

/// <summary>
/// The repository's Solution/ folder, merged and indexed once per test process by pcrm's own reader: the single
/// source from which the harness takes table, column, key, relationship and role metadata, so the harness refuses
/// exactly what the shipped solution would make Dataverse refuse.
/// </summary>
internal static class ShippedSolution
{
    private static readonly Lazy<SolutionIndex> Loaded = new(() =>
        SolutionIndex.Load(new SolutionFolder(RepositoryLayout.Find(AppContext.BaseDirectory).SolutionFolder)));

    public static SolutionIndex Index => Loaded.Value;
}
