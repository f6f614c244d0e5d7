using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.ServiceRequests.Dispatch;

/// <summary>
/// What an admin's dispatch rule (派工规则) must satisfy to be saved. Pure: the plug-in reads the other active rules.
/// </summary>
/// <remarks>
/// <para><b>One target</b>: a technician or a team, never both (the user would silently win) and never neither (nobody to
/// assign). Checked whatever the row's state, so an inactive rule is ready when it is activated.</para>
/// <para><b>Unique criteria</b>: an active rule may not have exactly the criteria of another active rule (same property
/// and service line, blank = any): the tie would be decided by rule id, not by the admin. Inactive rows never clash.</para>
/// </remarks>
public static class DispatchRuleValidator
{
    /// <summary>Throws a bilingual <see cref="DomainException"/> when <paramref name="rule"/> may not be saved.</summary>
    /// <param name="rule">The row as it will be stored (target merged with its pre-image).</param>
    /// <param name="otherActiveRules">Other active rules; any with the same criteria (the row itself excluded by id) is a clash.</param>
    public static void Validate(DispatchRuleDraft rule, IEnumerable<DispatchRuleDraft> otherActiveRules)
    {
        Guard.NotNull(rule, nameof(rule));
        Guard.NotNull(otherActiveRules, nameof(otherActiveRules));

        // Dispatch reads only active rules, so an inactive row cannot misroute anything: deactivating a rule saved before
        // these checks existed must always be possible (as for SLA policies).
        if (!rule.Active)
        {
            return;
        }

        if (rule.UserId.HasValue == rule.TeamId.HasValue)
        {
            throw new DomainException(
                DispatchErrorCodes.TargetBothOrNeither,
                rule.UserId.HasValue
                    ? "派工规则只能派给人员或团队之一,不能同时填写 / A dispatch rule assigns to a user or to a team, not both: clear one of them."
                    : "派工规则必须填写派给人员或派给团队之一 / A dispatch rule must assign to a user or to a team: fill in one of them.");
        }

        var twin = otherActiveRules.FirstOrDefault(o => o.Active && o.Id != rule.Id && o.SameCriteria(rule));
        if (twin is not null)
        {
            var name = string.IsNullOrWhiteSpace(twin.Name) ? twin.Id.ToString() : twin.Name;
            throw new DomainException(
                DispatchErrorCodes.DuplicateRule,
                $"已有启用的派工规则 '{name}' 使用相同的项目和服务条线,请修改该规则而不是新增 / "
                + $"Active dispatch rule '{name}' already has the same property and service line; change that rule instead.");
        }
    }
}
