using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Owners;

/// <summary>
/// Keeps the owner's code-maintained columns (<see cref="ContactTable.SystemMaintainedColumns"/>: tier, points balance,
/// fee standing, lifecycle status) in code's hands, so the balance always equals the ledger sum and every tier change has
/// its history row (no service calls):
/// <list type="bullet">
/// <item>Update at depth 1 (a user, an import, a flow) that changes any of them is refused; sending the stored value
/// back (an Excel round trip, a flow that copies the whole row) is not a change and passes. The step filters on
/// exactly these columns, so ordinary edits of the owner never run it; it runs in pre-operation because that stage
/// always has the pre-image it compares with. A form shows them read-only and does not send them.</item>
/// <item>Create at depth 1 with a points balance other than 0 is refused: a new owner's ledger is empty. Tier and the
/// other columns may be imported with the owner (e.g. a tier carried over from a previous system); the next payment,
/// review or <c>pcrm_RecalculateTier</c> takes over from there.</item>
/// </list>
/// Writes made by PropertyCrm's own steps and Custom APIs run at depth ≥ 2 and pass.
/// </summary>
public sealed class SystemColumnsGuardPlugin : PluginBase
{
    /// <summary>Error code of the refusals.</summary>
    public const string SystemColumnCode = "owner.system-column";

    public static readonly StepDeclaration OnCreate = new(
        typeof(SystemColumnsGuardPlugin),
        SdkMessageName.Create,
        ContactTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseStartingBalance,
        Description = "Refuses a points balance on a new owner. / 新建业主不得直接填写积分余额。",
    };

    public const string PreImageAlias = "system";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(SystemColumnsGuardPlugin),
        SdkMessageName.Update,
        ContactTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseDirectEdit,
        FilteringAttributes = ContactTable.SystemMaintainedColumns,
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, ContactTable.SystemMaintainedColumns) },
        Description = "Refuses direct edits of tier, balance and lifecycle columns. / 禁止直接修改会员等级、积分余额与生命周期字段。",
    };

    public SystemColumnsGuardPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RefuseStartingBalance(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (!execution.IsDirectRequest())
        {
            return;
        }

        var balance = execution.GetRequiredTarget().GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0;
        if (balance != 0)
        {
            throw new DomainException(
                SystemColumnCode,
                $"积分余额由积分流水汇总得出,新建业主不能填写积分余额({balance}) / The points balance is the sum of the ledger; a new owner cannot be created with a balance ({balance}).");
        }
    }

    private static void RefuseDirectEdit(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (!execution.IsDirectRequest())
        {
            return;
        }

        var target = execution.GetRequiredTarget();
        var named = Changed(target, execution.GetPreImage(PreImageAlias));
        if (named.Count > 0)
        {
            throw new DomainException(
                SystemColumnCode,
                $"以下字段由系统维护,不能直接修改:{string.Join(", ", named)}。积分请用发放或冲正,等级请用重新评定 / These columns are maintained by the system and cannot be edited: {string.Join(", ", named)}. Award or reverse points, or recalculate the tier, instead.");
        }
    }

    private static List<string> Changed(Entity target, Entity? stored)
    {
        var changed = new List<string>();
        foreach (var column in ContactTable.SystemMaintainedColumns)
        {
            if (target.Contains(column) && !SameValue(target[column], stored is not null && stored.Contains(column) ? stored[column] : null))
            {
                changed.Add(column);
            }
        }

        return changed;
    }

    private static bool SameValue(object? sent, object? stored)
    {
        switch (sent)
        {
            case null:
                return stored is null;
            case OptionSetValue option:
                return stored is OptionSetValue storedOption && storedOption.Value == option.Value;
            case Money money:
                return stored is Money storedMoney && storedMoney.Value == money.Value;
            case DateTime date:
                return stored is DateTime storedDate && Utc(storedDate) == Utc(date);
            default:
                return sent.Equals(stored);
        }
    }

    // The sent value is the caller's (a user, an import); the stored one is Dataverse's.
    private static DateTime Utc(DateTime value) => DataverseTime.FromInput(value).UtcDateTime;
}
