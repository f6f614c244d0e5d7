using System.Collections.Generic;

namespace PropertyCrm.Cli;

/// <summary>Every command `pcrm` knows. Add a command here and in its own file under Commands/.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<ICommand> All { get; } = new ICommand[]
    {
        new Commands.SlaDeadlineCommand(),
        new Commands.SlaCalendarsCommand(),
        new Commands.SlaPlanCommand(),
        new Commands.GenerateCommand(),
        new Commands.ValidateCommand(),
        new Commands.PackCommand(),
        new Commands.SimulateCommand(),
    };
}
