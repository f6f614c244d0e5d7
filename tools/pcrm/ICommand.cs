using System.Collections.Generic;
using System.IO;

namespace PropertyCrm.Cli;

/// <summary>One `pcrm` command. Exit codes: 0 success, 1 the work found errors, 2 bad usage or input.</summary>
internal interface ICommand
{
    /// <summary>The words that select the command, e.g. "pack" or "sla deadline".</summary>
    string Name { get; }

    /// <summary>One line for `pcrm help`.</summary>
    string Summary { get; }

    /// <summary>The options the command takes, for System.CommandLine (--help, suggestions, refusing unknown options).</summary>
    IReadOnlyList<Commands.CommandOption> Options { get; }

    int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}
