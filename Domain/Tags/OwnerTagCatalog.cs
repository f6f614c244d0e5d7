using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Tags;

/// <summary>The 12 rule tags issue 13 names, with their codes: the planner finds a tag row by its code and creates it once.</summary>
public static class OwnerTagCatalog
{
    public static IReadOnlyList<OwnerTagDefinition> All { get; } = new[]
    {
        new OwnerTagDefinition(OwnerTagRule.NewMoveIn, "new-move-in", "新入住", "New Move-in", OwnerTagClass.Lifecycle),
        new OwnerTagDefinition(OwnerTagRule.ElderlyHousehold, "elderly-household", "老人家庭", "Elderly Household", OwnerTagClass.Household),
        new OwnerTagDefinition(OwnerTagRule.Infant, "infant", "有婴幼儿", "Infant at Home", OwnerTagClass.Household),
        new OwnerTagDefinition(OwnerTagRule.Tenant, "tenant", "租户", "Tenant", OwnerTagClass.Household),
        new OwnerTagDefinition(OwnerTagRule.HighValue, "high-value", "高价值", "High Value", OwnerTagClass.Value),
        new OwnerTagDefinition(OwnerTagRule.ComplaintSensitive, "complaint-sensitive", "投诉敏感", "Complaint Sensitive", OwnerTagClass.Service),
        new OwnerTagDefinition(OwnerTagRule.InArrears, "in-arrears", "欠费", "In Arrears", OwnerTagClass.Payment),
        new OwnerTagDefinition(OwnerTagRule.ActiveParticipant, "active-participant", "活跃参与者", "Active Participant", OwnerTagClass.Engagement),
        new OwnerTagDefinition(OwnerTagRule.Dormant, "dormant", "沉睡", "Dormant", OwnerTagClass.Lifecycle),
        new OwnerTagDefinition(OwnerTagRule.ChurnRisk, "churn-risk", "流失风险", "Churn Risk", OwnerTagClass.Lifecycle),
        new OwnerTagDefinition(OwnerTagRule.Diamond, "diamond", "钻石会员", "Diamond Member", OwnerTagClass.Value),
        new OwnerTagDefinition(OwnerTagRule.OpinionLeader, "opinion-leader", "意见领袖", "Opinion Leader", OwnerTagClass.Engagement),
    };

    /// <summary>The definition of a rule code (case-insensitive), null for a code no rule has.</summary>
    public static OwnerTagDefinition? ByCode(string? code) =>
        code is null ? null : All.FirstOrDefault(d => string.Equals(d.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public static OwnerTagDefinition Of(OwnerTagRule rule) => All.First(d => d.Rule == rule);
}
