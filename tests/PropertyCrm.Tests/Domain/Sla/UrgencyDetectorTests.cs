using System.Linq;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class UrgencyDetectorTests
{
    [Theory]
    [InlineData("卫生间天花板漏水,楼上一直在滴", Urgency.Emergency, "漏水")]
    [InlineData("厨房跑水了,快来人", Urgency.Emergency, "跑水")]
    [InlineData("地下室水管爆管", Urgency.Emergency, "爆管")]
    [InlineData("墙角渗水", Urgency.Emergency, "渗水")]
    [InlineData("3栋2单元停电了", Urgency.Emergency, "停电")]
    [InlineData("家里突然断电", Urgency.Emergency, "断电")]
    [InlineData("电梯困人!B座2号梯", Urgency.Emergency, "电梯困人")]
    [InlineData("有人困梯", Urgency.Emergency, "困梯")]
    [InlineData("我被困在电梯里了", Urgency.Emergency, "困在电梯")]
    [InlineData("厨房有很重的煤气味", Urgency.Emergency, "煤气味")]
    [InlineData("疑似燃气泄漏", Urgency.Emergency, "燃气泄漏")]
    [InlineData("地下车库着火了", Urgency.Emergency, "着火")]
    [InlineData("楼道冒烟", Urgency.Emergency, "冒烟")]
    [InlineData("火警报警器响了", Urgency.Emergency, "火警")]
    [InlineData("5号楼老人摔倒了,请帮忙", Urgency.Emergency, "老人摔倒")]
    [InlineData("紧急呼叫按钮被按下", Urgency.Emergency, "紧急呼叫")]
    [InlineData("漏 水", Urgency.Emergency, "漏水")] // whitespace ignored
    [InlineData("家里停水了", Urgency.Urgent, "停水")]
    [InlineData("下水道堵塞", Urgency.Urgent, "堵塞")]
    [InlineData("防火门关不上", Urgency.Normal, null)] // no bare 火
    [InlineData("想缴纳燃气费", Urgency.Normal, null)] // no bare 燃气
    [InlineData("咨询一下物业费怎么交", Urgency.Normal, null)]
    [InlineData("1203室门禁卡丢了", Urgency.Normal, null)]
    [InlineData("", Urgency.Normal, null)]
    [InlineData(null, Urgency.Normal, null)]
    public void Assess_Text_DetectsMostUrgentKeyword(string? text, Urgency expected, string? firstKeyword)
    {
        var assessment = UrgencyDetector.Default.Assess(text);

        Assert.Equal(expected, assessment.Urgency);
        Assert.Equal(expected, assessment.Detected);
        Assert.False(assessment.IsOverride);
        Assert.Equal(firstKeyword, assessment.Matches.FirstOrDefault()?.Phrase);
    }

    [Fact]
    public void Assess_EmergencyAndUrgentKeywords_EmergencyWins()
    {
        var assessment = UrgencyDetector.Default.Assess("紧急!停水之后又漏水");

        Assert.Equal(Urgency.Emergency, assessment.Urgency);
        Assert.Equal(new[] { "漏水", "停水", "紧急" }, assessment.Matches.Select(m => m.Phrase));
    }

    [Theory]
    [InlineData("昨天漏水,已经修好了", Urgency.Normal, Urgency.Emergency)]
    [InlineData("想咨询一下", Urgency.Emergency, Urgency.Normal)]
    [InlineData("电梯困人", Urgency.Emergency, Urgency.Emergency)]
    public void Assess_AgentOverride_AlwaysWinsAndKeepsDetection(string text, Urgency agent, Urgency detected)
    {
        var assessment = UrgencyDetector.Default.Assess(text, agent);

        Assert.Equal(agent, assessment.Urgency);
        Assert.Equal(detected, assessment.Detected);
        Assert.True(assessment.IsOverride);
    }

    [Fact]
    public void Assess_CustomKeywordList_UsesIt()
    {
        var detector = new UrgencyDetector(new[] { new UrgencyKeyword("Trapped In Lift", Urgency.Emergency, "lift") });

        Assert.Equal(Urgency.Emergency, detector.Assess("someone TRAPPED in lift 3").Urgency);
        Assert.Equal(Urgency.Normal, detector.Assess("漏水").Urgency);
    }
}
