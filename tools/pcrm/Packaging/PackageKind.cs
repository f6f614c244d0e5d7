namespace PropertyCrm.Cli.Packaging;

/// <summary>Which of the two zips a merge is for; decides whether `_managed` twin files are used.</summary>
internal enum PackageKind
{
    Unmanaged,
    Managed,
}
