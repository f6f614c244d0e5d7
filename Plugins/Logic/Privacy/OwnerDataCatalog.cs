using System.Collections.Generic;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Privacy;

/// <summary>
/// Every table that holds rows about an owner contact, in the order the export lists them (PIPL art. 45: the owner may
/// obtain a copy of their personal information). A new table with an owner lookup belongs here; the export test lists
/// the tables it expects, so one missing here fails it.
/// </summary>
public static class OwnerDataCatalog
{
    /// <summary>The contact row itself: its consents (marketing, sensitive data), ID, butler, tier, lifecycle.</summary>
    public static OwnerDataSection Contact { get; } =
        OwnerDataSection.Of(ContactTable.LogicalName, ContactTable.PrimaryId, ContactTable.PrimaryId, typeof(ContactTable.Columns));

    public static IReadOnlyList<OwnerDataSection> Related { get; } = new[]
    {
        OwnerDataSection.Of(HouseholdTable.LogicalName, HouseholdTable.PrimaryId, HouseholdTable.Columns.Contact, typeof(HouseholdTable.Columns)),
        OwnerDataSection.Of(HouseholdMemberTable.LogicalName, HouseholdMemberTable.PrimaryId, HouseholdMemberTable.Columns.Household, typeof(HouseholdMemberTable.Columns))
            .Via(new OwnerDataLink(HouseholdTable.LogicalName, HouseholdMemberTable.Columns.Household, HouseholdTable.PrimaryId, HouseholdTable.Columns.Contact)),
        OwnerDataSection.Of(OccupancyTable.LogicalName, OccupancyTable.PrimaryId, OccupancyTable.Columns.Contact, typeof(OccupancyTable.Columns)),
        OwnerDataSection.Of(ServiceRequestTable.LogicalName, ServiceRequestTable.PrimaryId, ServiceRequestTable.Columns.Contact, typeof(ServiceRequestTable.Columns)),
        OwnerDataSection.Of(FollowUpTable.LogicalName, FollowUpTable.PrimaryId, FollowUpTable.Columns.Contact, typeof(FollowUpTable.Columns)),
        OwnerDataSection.Of(RecoveryCaseTable.LogicalName, RecoveryCaseTable.PrimaryId, RecoveryCaseTable.Columns.Contact, typeof(RecoveryCaseTable.Columns)),
        OwnerDataSection.Of(FeeBillTable.LogicalName, FeeBillTable.PrimaryId, FeeBillTable.Columns.Contact, typeof(FeeBillTable.Columns)),
        OwnerDataSection.Of(FeePaymentTable.LogicalName, FeePaymentTable.PrimaryId, FeePaymentTable.Columns.Contact, typeof(FeePaymentTable.Columns)),
        OwnerDataSection.Of(LoyaltyAccountTable.LogicalName, LoyaltyAccountTable.PrimaryId, LoyaltyAccountTable.Columns.Contact, typeof(LoyaltyAccountTable.Columns)),
        OwnerDataSection.Of(PointsEntryTable.LogicalName, PointsEntryTable.PrimaryId, PointsEntryTable.Columns.Contact, typeof(PointsEntryTable.Columns)),
        OwnerDataSection.Of(RedemptionTable.LogicalName, RedemptionTable.PrimaryId, RedemptionTable.Columns.Contact, typeof(RedemptionTable.Columns)),
        OwnerDataSection.Of(TierHistoryTable.LogicalName, TierHistoryTable.PrimaryId, TierHistoryTable.Columns.Contact, typeof(TierHistoryTable.Columns)),
        OwnerDataSection.Of(CareOccasionTable.LogicalName, CareOccasionTable.PrimaryId, CareOccasionTable.Columns.Contact, typeof(CareOccasionTable.Columns)),
        OwnerDataSection.Of(EventAttendanceTable.LogicalName, EventAttendanceTable.PrimaryId, EventAttendanceTable.Columns.Contact, typeof(EventAttendanceTable.Columns)),
        OwnerDataSection.Of(SuggestionTable.LogicalName, SuggestionTable.PrimaryId, SuggestionTable.Columns.Contact, typeof(SuggestionTable.Columns)),
        OwnerDataSection.Of(OwnerMessageTable.LogicalName, OwnerMessageTable.PrimaryId, OwnerMessageTable.Columns.Contact, typeof(OwnerMessageTable.Columns)),
        OwnerDataSection.Of(RetentionCaseTable.LogicalName, RetentionCaseTable.PrimaryId, RetentionCaseTable.Columns.Contact, typeof(RetentionCaseTable.Columns)),
        OwnerDataSection.Of(TagTable.LogicalName, TagTable.PrimaryId, TagTable.PrimaryId, typeof(TagTable.Columns))
            .Via(new OwnerDataLink(TagTable.ManyToMany.IntersectTable, TagTable.PrimaryId, TagTable.ManyToMany.TagId, TagTable.ManyToMany.ContactId)),
        new OwnerDataSection(
            TaskActivity.LogicalName,
            TaskActivity.PrimaryId,
            TaskActivity.RegardingObjectId,
            new[]
            {
                TaskActivity.Subject,
                TaskActivity.Description,
                TaskActivity.ScheduledEnd,
                TaskActivity.PriorityCode,
                TaskActivity.Category,
                TaskActivity.OwnerId,
                TaskActivity.StateCode,
                TaskActivity.StatusCode,
            }),
    };
}
