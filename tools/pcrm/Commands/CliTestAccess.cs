using System.Runtime.CompilerServices;

// The CLI's commands and Program are internal (nothing outside pcrm may depend on them); tests drive them
// through Program.Run with StringWriters, which needs this. Duplicating it elsewhere in pcrm is harmless.
[assembly: InternalsVisibleTo("PropertyCrm.Tests")]

// The test harness reads the shipped solution's metadata (tables, columns, keys, relationships, roles) through
// SolutionIndex, the same reading `pcrm validate` does.
[assembly: InternalsVisibleTo("PropertyCrm.Harness")]
