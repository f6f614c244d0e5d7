using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Reads the active <c>pcrm_earningrule</c> rows (one query) and the active <c>pcrm_tierpolicy</c> row (one query, the
/// most recently modified active row wins) and layers them over the built-in defaults. Blank fields keep the default;
/// a row that would make the rules invalid is left out (with its reason in <see cref="LoyaltyConfiguration.Problems"/>).
/// Never reads all columns.
/// </summary>
public static class LoyaltyConfigurationQuery
{
    private const int Active = 0;

    private static readonly string[] RuleColumns =
    {
        EarningRuleTable.Columns.Rule,
        EarningRuleTable.Columns.PointsPerEvent,
        EarningRuleTable.Columns.PointsPerYuan,
        EarningRuleTable.Columns.MonthlyCap,
        EarningRuleTable.Columns.SilverMultiplier,
        EarningRuleTable.Columns.GoldMultiplier,
        EarningRuleTable.Columns.DiamondMultiplier,
        EarningRuleTable.Columns.Enabled,
    };

    private static readonly string[] PolicyColumns =
    {
        TierPolicyTable.Columns.SilverPaidThreshold,
        TierPolicyTable.Columns.GoldPaidThreshold,
        TierPolicyTable.Columns.DiamondPaidThreshold,
        TierPolicyTable.Columns.SilverEngagementPoints,
        TierPolicyTable.Columns.GoldEngagementPoints,
        TierPolicyTable.Columns.MaxArrearsMonths,
        TierPolicyTable.Columns.ReviewEveryMonths,
        TierPolicyTable.Columns.PointsExpiryYears,
        TierPolicyTable.Columns.NewMoveInDays,
        TierPolicyTable.Columns.ChurnRiskUnpaidMonths,
        TierPolicyTable.Columns.ChurnRiskQuietMonths,
        TierPolicyTable.Columns.ChurnedUnpaidMonths,
        TierPolicyTable.Columns.CollectionReminderMonths,
        TierPolicyTable.Columns.CollectionCallMonths,
    };

    /// <summary>Two reads: earn rules, tier policy.</summary>
    public static LoyaltyConfiguration Load(IOrganizationService service, DateTime nowUtc)
    {
        Guard.NotNull(service, nameof(service));

        var ruleQuery = new QueryExpression(EarningRuleTable.LogicalName)
        {
            ColumnSet = new ColumnSet(RuleColumns),
            TopCount = 100,
        };
        ruleQuery.Criteria.AddCondition(EarningRuleTable.Columns.StateCode, ConditionOperator.Equal, Active);
        ruleQuery.AddOrder(EarningRuleTable.Columns.ModifiedOn, OrderType.Ascending);
        var ruleRows = service.RetrieveMultiple(ruleQuery).Entities;

        var policyQuery = new QueryExpression(TierPolicyTable.LogicalName)
        {
            ColumnSet = new ColumnSet(PolicyColumns),
            TopCount = 1,
        };
        policyQuery.Criteria.AddCondition(TierPolicyTable.Columns.StateCode, ConditionOperator.Equal, Active);
        policyQuery.AddOrder(TierPolicyTable.Columns.ModifiedOn, OrderType.Descending);
        var policyRow = service.RetrieveMultiple(policyQuery).Entities.FirstOrDefault();

        return Build(nowUtc, ruleRows, policyRow);
    }

    /// <summary>Layers rows over the defaults; public for tests.</summary>
    public static LoyaltyConfiguration Build(DateTime loadedOnUtc, IEnumerable<Entity> earningRuleRows, Entity? tierPolicyRow)
    {
        var problems = new List<string>();
        var tierRules = TierRules.Default;
        var expiryYears = PointsRules.Default.ExpiryYearsAfterEarning;
        if (tierPolicyRow is not null)
        {
            try
            {
                tierRules = ReadTierRules(tierPolicyRow, TierRules.Default).Validate();
                expiryYears = tierPolicyRow.GetAttributeValue<int?>(TierPolicyTable.Columns.PointsExpiryYears) ?? expiryYears;
                (PointsRules.Default with { ExpiryYearsAfterEarning = expiryYears }).Validate();
            }
            catch (DomainException ex)
            {
                tierRules = TierRules.Default;
                expiryYears = PointsRules.Default.ExpiryYearsAfterEarning;
                problems.Add($"{TierPolicyTable.LogicalName} {tierPolicyRow.Id}: {ex.Message}");
            }
        }

        // The lifecycle thresholds live on the same admin row; an invalid set falls back to the defaults on its own,
        // without taking the tier rules with it.
        var lifecycleRules = LifecycleRules.Default;
        if (tierPolicyRow is not null)
        {
            try
            {
                lifecycleRules = ReadLifecycleRules(tierPolicyRow, LifecycleRules.Default).Validate();
            }
            catch (DomainException ex)
            {
                problems.Add($"{TierPolicyTable.LogicalName} {tierPolicyRow.Id} (lifecycle): {ex.Message}");
            }
        }

        // The 催缴 ladder's visit is the churn-risk threshold in force; its reminder and call months are on the same row,
        // and an invalid pair falls back to the defaults (never later than the visit) on its own.
        var ladder = CollectionLadderRules.DefaultsFor(lifecycleRules.ChurnRiskUnpaidMonths);
        if (tierPolicyRow is not null)
        {
            try
            {
                ladder = new CollectionLadderRules
                {
                    ReminderMonths = tierPolicyRow.GetAttributeValue<int?>(TierPolicyTable.Columns.CollectionReminderMonths) ?? ladder.ReminderMonths,
                    CallMonths = tierPolicyRow.GetAttributeValue<int?>(TierPolicyTable.Columns.CollectionCallMonths) ?? ladder.CallMonths,
                    VisitMonths = lifecycleRules.ChurnRiskUnpaidMonths,
                }.Validate();
            }
            catch (DomainException ex)
            {
                problems.Add($"{TierPolicyTable.LogicalName} {tierPolicyRow.Id} (collection ladder): {ex.Message}");
            }
        }

        var rules = PointsRules.Default.EarnRules.ToDictionary(r => r.Code);
        foreach (var row in earningRuleRows ?? Enumerable.Empty<Entity>())
        {
            var code = OptionValues.Read<EarnRuleCode>(row, EarningRuleTable.Columns.Rule);
            if (code is not EarnRuleCode known)
            {
                problems.Add($"{EarningRuleTable.LogicalName} {row.Id}: unknown rule / 未知规则");
                continue;
            }

            var layered = ReadRule(row, rules.TryGetValue(known, out var basis) ? basis : new EarnRule(known));
            try
            {
                new PointsRules { EarnRules = new[] { layered } }.Validate();
                rules[known] = layered;
            }
            catch (DomainException ex)
            {
                problems.Add($"{EarningRuleTable.LogicalName} {row.Id}: {ex.Message}");
            }
        }

        var pointsRules = new PointsRules
        {
            EarnRules = rules.Values.OrderBy(r => r.Code).ToArray(),
            ExpiryYearsAfterEarning = expiryYears,
        };
        return new LoyaltyConfiguration(loadedOnUtc, pointsRules, tierRules, problems) { LifecycleRules = lifecycleRules, CollectionLadder = ladder };
    }

    private static EarnRule ReadRule(Entity row, EarnRule basis)
    {
        return basis with
        {
            PointsPerEvent = row.GetAttributeValue<int?>(EarningRuleTable.Columns.PointsPerEvent) ?? basis.PointsPerEvent,
            PointsPerYuan = row.GetAttributeValue<decimal?>(EarningRuleTable.Columns.PointsPerYuan) ?? basis.PointsPerYuan,
            MonthlyCap = row.GetAttributeValue<int?>(EarningRuleTable.Columns.MonthlyCap) ?? basis.MonthlyCap,
            Multipliers = basis.Multipliers with
            {
                Silver = row.GetAttributeValue<decimal?>(EarningRuleTable.Columns.SilverMultiplier) ?? basis.Multipliers.Silver,
                Gold = row.GetAttributeValue<decimal?>(EarningRuleTable.Columns.GoldMultiplier) ?? basis.Multipliers.Gold,
                Diamond = row.GetAttributeValue<decimal?>(EarningRuleTable.Columns.DiamondMultiplier) ?? basis.Multipliers.Diamond,
            },
            Enabled = row.GetAttributeValue<bool?>(EarningRuleTable.Columns.Enabled) ?? true,
        };
    }

    private static TierRules ReadTierRules(Entity row, TierRules basis) => basis with
    {
        SilverFeesAbove = row.GetAttributeValue<Money>(TierPolicyTable.Columns.SilverPaidThreshold)?.Value ?? basis.SilverFeesAbove,
        GoldFeesAbove = row.GetAttributeValue<Money>(TierPolicyTable.Columns.GoldPaidThreshold)?.Value ?? basis.GoldFeesAbove,
        DiamondFeesAbove = row.GetAttributeValue<Money>(TierPolicyTable.Columns.DiamondPaidThreshold)?.Value ?? basis.DiamondFeesAbove,
        SilverEngagementPoints = row.GetAttributeValue<int?>(TierPolicyTable.Columns.SilverEngagementPoints) ?? basis.SilverEngagementPoints,
        GoldEngagementPoints = row.GetAttributeValue<int?>(TierPolicyTable.Columns.GoldEngagementPoints) ?? basis.GoldEngagementPoints,
        MaxArrearsMonthsForSilverAndGold = row.GetAttributeValue<int?>(TierPolicyTable.Columns.MaxArrearsMonths) ?? basis.MaxArrearsMonthsForSilverAndGold,
        ReviewEveryMonths = row.GetAttributeValue<int?>(TierPolicyTable.Columns.ReviewEveryMonths) ?? basis.ReviewEveryMonths,
    };

    private static LifecycleRules ReadLifecycleRules(Entity row, LifecycleRules basis) => basis with
    {
        NewMoveInDays = row.GetAttributeValue<int?>(TierPolicyTable.Columns.NewMoveInDays) ?? basis.NewMoveInDays,
        ChurnRiskUnpaidMonths = row.GetAttributeValue<int?>(TierPolicyTable.Columns.ChurnRiskUnpaidMonths) ?? basis.ChurnRiskUnpaidMonths,
        ChurnRiskQuietMonths = row.GetAttributeValue<int?>(TierPolicyTable.Columns.ChurnRiskQuietMonths) ?? basis.ChurnRiskQuietMonths,
        ChurnedUnpaidMonths = row.GetAttributeValue<int?>(TierPolicyTable.Columns.ChurnedUnpaidMonths) ?? basis.ChurnedUnpaidMonths,
    };
}
