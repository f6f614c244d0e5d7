using System;

namespace PropertyCrm.Cli.Packaging;

/// <summary>The solution folder cannot be read or merged at all (missing manifest, malformed XML, unknown folder).</summary>
internal sealed class SolutionFormatException : Exception
{
    public SolutionFormatException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
    }

    public SolutionFormatException(string file, string message, Exception inner)
        : base($"{file}: {message}", inner)
    {
        File = file;
    }

    public string File { get; }
}
