using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>
/// `pcrm data push --sample`: a small deterministic configuration for a demo environment, taken from the defaults the
/// code ships (nothing invented): the built-in business calendars' JSON definitions and the default earning rules
/// (PointsRules.Default). Choice values follow the option-set rule 548210000 + the domain enum value.
/// </summary>
internal static class SampleConfiguration
{
    private const int ChoiceBase = 548210000;

    public static IEnumerable<(ConfigTable Table, List<JsonObject> Rows)> Rows()
    {
        var calendars = BuiltInCalendars.Catalog.Calendars
            .Select(c => new JsonObject
            {
                [BusinessCalendarTable.Columns.Name] = c.Name,
                [BusinessCalendarTable.Columns.Definition] = BuiltInCalendars.Definition(c.Name),
            })
            .ToList();
        yield return (ConfigurationTables.Find(BusinessCalendarTable.LogicalName)!, calendars);

        var rules = PointsRules.Default.EarnRules
            .Select(r => new JsonObject
            {
                [EarningRuleTable.Columns.Rule] = ChoiceBase + (int)r.Code,
                [EarningRuleTable.Columns.Name] = Name(r.Code),
                [EarningRuleTable.Columns.PointsPerEvent] = r.PointsPerEvent,
                [EarningRuleTable.Columns.PointsPerYuan] = r.PointsPerYuan,
                [EarningRuleTable.Columns.MonthlyCap] = r.MonthlyCap,
                [EarningRuleTable.Columns.SilverMultiplier] = r.Multipliers.Silver,
                [EarningRuleTable.Columns.GoldMultiplier] = r.Multipliers.Gold,
                [EarningRuleTable.Columns.DiamondMultiplier] = r.Multipliers.Diamond,
                [EarningRuleTable.Columns.Enabled] = r.Enabled,
            })
            .ToList();
        yield return (ConfigurationTables.Find(EarningRuleTable.LogicalName)!, rules);
    }

    /// <summary>The rule's row name, the labels of Domain's EarnRuleNames (internal to the strong-named Domain assembly).</summary>
    private static string Name(EarnRuleCode code) => code switch
    {
        EarnRuleCode.OnTimeFeePayment => "按时缴费 On-time fee payment",
        EarnRuleCode.FirstAppUse => "首次使用APP/小程序 First use of the APP or mini program",
        EarnRuleCode.SurveyCompleted => "完成满意度调查 Survey completed",
        EarnRuleCode.CommunityEventAttended => "参加社区活动 Community event attended",
        EarnRuleCode.SuggestionAdopted => "建议被采纳 Suggestion adopted",
        EarnRuleCode.Referral => "推荐新业主 Referral",
        _ => code.ToString(),
    };
}
