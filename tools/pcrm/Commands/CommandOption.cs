namespace PropertyCrm.Cli.Commands;

/// <summary>
/// One option of a command that parses its own "--name value" arguments (sla, pack, generate, validate, simulate):
/// what System.CommandLine needs to show it in --help, suggest it for a typo and refuse what the command does not take.
/// </summary>
internal sealed record CommandOption(string Name, string Description, bool IsSwitch = false, bool Required = false);
