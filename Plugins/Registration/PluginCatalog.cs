using System.Collections.Generic;
using PropertyCrm.Plugins.Steps.Care;
using PropertyCrm.Plugins.Steps.Collection;
using PropertyCrm.Plugins.Steps.Community;
using PropertyCrm.Plugins.Steps.Configuration;
using PropertyCrm.Plugins.Steps.Kpis;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Plugins.Steps.Owners;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Plugins.Steps.Sla;

namespace PropertyCrm.Plugins.Registration;

/// <summary>
/// Every step and Custom API the plug-in assembly registers. pcrm pack writes the Solution's step and
/// Custom API files from this list; the harness registers exactly these. A step not listed here does
/// not exist.
/// </summary>
public static class PluginCatalog
{
    public static IReadOnlyList<StepDeclaration> Steps { get; } = new StepDeclaration[]
    {
        OwnerConsentPlugin.OnCreate,
        OwnerConsentPlugin.OnUpdate,
        SystemColumnsGuardPlugin.OnCreate,
        SystemColumnsGuardPlugin.OnUpdate,
        OccupancyValidationPlugin.OnCreate,
        OccupancyValidationPlugin.OnUpdate,
        RepeatRequestPlugin.OnCreate,
        RepeatRequestPlugin.OnCauseUpdate,
        RequestStatusLockPlugin.OnUpdate,
        ServiceRequestRecordsPlugin.OnCreate,
        ServiceRequestRecordsPlugin.OnUpdate,
        ServiceRequestSlaPlugin.OnCreate,
        ServiceRequestSlaPlugin.OnUpdate,
        DispatchPlugin.OnCreate,
        DispatchPlugin.OnUpdate,
        ServiceLoopPlugin.OnUpdate,
        FollowUpRulesPlugin.OnUpdate,
        FollowUpRulesPlugin.OnFinished,
        RecoveryCasePlugin.OnCreate,
        RecoveryCasePlugin.OnUpdate,
        BusinessCalendarValidationPlugin.OnCreate,
        BusinessCalendarValidationPlugin.OnUpdate,
        PointsLedgerGuardPlugin.OnCreate,
        PointsLedgerGuardPlugin.OnUpdate,
        PointsLedgerGuardPlugin.OnDelete,
        LoyaltyAccountPlugin.OnContactCreate,
        LoyaltyAccountGuardPlugin.OnCreate,
        LoyaltyAccountGuardPlugin.OnUpdate,
        LoyaltyAccountGuardPlugin.OnDelete,
        FeePaymentPointsPlugin.OnCreatePre,
        FeePaymentPointsPlugin.OnCreatePost,
        FeePaymentCorrectionPlugin.OnUpdate,
        FeePaymentCorrectionPlugin.OnDeletePre,
        FeePaymentCorrectionPlugin.OnDeletePost,
        FeeBillDeleteGuardPlugin.OnDelete,
        LoyaltyConfigurationChangedPlugin.OnEarningRuleCreate,
        LoyaltyConfigurationChangedPlugin.OnEarningRuleUpdate,
        LoyaltyConfigurationChangedPlugin.OnTierPolicyCreate,
        LoyaltyConfigurationChangedPlugin.OnTierPolicyUpdate,
        SlaPolicyValidationPlugin.OnCreate,
        SlaPolicyValidationPlugin.OnUpdate,
        DispatchRuleValidationPlugin.OnCreate,
        DispatchRuleValidationPlugin.OnUpdate,
        DispatchRuleChangedPlugin.OnCreate,
        DispatchRuleChangedPlugin.OnUpdate,
        DispatchRuleChangedPlugin.OnDelete,
        RedemptionPlugin.OnCreate,
        RedemptionCancellationPlugin.OnUpdate,
        RedemptionGuardPlugin.OnUpdate,
        RedemptionGuardPlugin.OnDelete,
        ButlerAssignmentPlugin.OnOccupancyCreate,
        ButlerAssignmentPlugin.OnBuildingUpdate,
        EventAttendancePlugin.OnCreate,
        EventAttendancePlugin.OnUpdate,
        EventAttendancePlugin.OnCreatePost,
        EventAttendancePlugin.OnUpdatePost,
        SuggestionPlugin.OnCreate,
        SuggestionPlugin.OnUpdate,
        SuggestionPlugin.OnCreatePost,
        SuggestionPlugin.OnUpdatePost,
        SensitiveDataConsentPlugin.OnContactCreate,
        SensitiveDataConsentPlugin.OnContactUpdate,
        SensitiveDataConsentPlugin.OnConsentWithdrawn,
        SensitiveDataConsentPlugin.OnHouseholdCreate,
        SensitiveDataConsentPlugin.OnHouseholdUpdate,
        OwnerMessageConsentPlugin.OnCreate,
        OwnerMessageConsentPlugin.OnUpdate,
        OwnerMessageConsentPlugin.OnConsentWithdrawn,
        RetentionCasePlugin.OnUpdate,
        SensitiveDataConsentPlugin.OnMemberCreate,
        SensitiveDataConsentPlugin.OnMemberUpdate,
        LivingAloneFlagPlugin.OnCreate,
        LivingAloneFlagPlugin.OnUpdate,
        LivingAloneFlagPlugin.OnDelete,
    };

    public static IReadOnlyList<CustomApiDeclaration> CustomApis { get; } = new CustomApiDeclaration[]
    {
        RunSlaSweepPlugin.Api,
        CalculateDeadlinePlugin.Api,
        AwardPointsPlugin.Api,
        RecalculateTierPlugin.Api,
        RedeemRewardPlugin.Api,
        RunPointsExpiryPlugin.Api,
        RunTierReviewPlugin.Api,
        ReversePointsEntryPlugin.Api,
        RunLifecycleReviewPlugin.Api,
        RunCarePlannerPlugin.Api,
        RunKpiSnapshotPlugin.Api,
        RecordFollowUpPlugin.Api,
        ExportOwnerDataPlugin.Api,
    };
}
