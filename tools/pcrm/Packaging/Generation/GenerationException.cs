using System;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>The code declarations cannot be turned into solution files (unknown message, undeclared type, missing build).</summary>
internal sealed class GenerationException : Exception
{
    public GenerationException(string message)
        : base(message)
    {
    }
}
