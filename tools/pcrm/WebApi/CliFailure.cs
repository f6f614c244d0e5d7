using System;

namespace PropertyCrm.Cli.WebApi;

/// <summary>
/// A failure the Web API commands report as one bilingual message (中文 / English) with its exit code:
/// 2 bad usage or input (bad URL, bad credentials, unknown table, unreadable file), 1 the platform refused the work.
/// </summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliFailure(int exitCode, string message, Exception inner)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CliFailure Usage(string chinese, string english) => new(2, $"{chinese} / {english}");

    public static CliFailure Work(string chinese, string english) => new(1, $"{chinese} / {english}");
}
