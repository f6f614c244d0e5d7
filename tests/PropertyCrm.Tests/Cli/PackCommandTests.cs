namespace PropertyCrm.Tests.Cli;

public sealed class PackCommandTests
{
    [Theory]
    [InlineData("1031")]
    [InlineData("zh-CN")]
    public void Run_UnknownBaseLanguage_ExitsTwoWithBilingualMessage(string code)
    {
        var (exit, output, error) = SlaDeadlineCommandTests.Run("pack", "--base-language", code);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("只能是 2052 或 1033", error);
        Assert.Contains("--base-language must be 2052 or 1033", error);
    }
}
