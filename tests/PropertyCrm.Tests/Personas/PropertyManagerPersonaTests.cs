using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// 项目经理 property manager of 阳光花园: records fee payments and then sees his owners' ledger and tier history, which
/// SYSTEM writes but owns like the owner contact, so deep read reaches them; the ledger itself he may not write.
/// </summary>
public sealed class PropertyManagerPersonaTests
{
    [Fact]
    public void RecordPayment_QualifyingForSilver_LedgerAndTierHistoryVisibleToHim()
    {
        using var world = new PersonaWorld();
        var bill = world.Owned(DataProducer.NewBill(world.SunshineOwner, 2_500m, new DateTime(2025, 1, 31)), world.SunshineDesk);

        world.As(world.Manager).Create(DataProducer.NewPayment(bill, 2_500m, world.Dataverse.Clock.UtcNow));

        Assert.Equal(OwnerTier.Silver, OptionValues.Read<OwnerTier>(world.Dataverse.Peek(ContactTable.LogicalName, world.SunshineOwner)!, ContactTable.Columns.Tier));
        var ledger = Rows(world, PointsEntryTable.LogicalName, PointsEntryTable.Columns.Contact);
        var entry = Assert.Single(ledger);
        Assert.Equal(world.SunshineDesk, entry.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.OwnerId).Id);
        var history = Assert.Single(Rows(world, TierHistoryTable.LogicalName, TierHistoryTable.Columns.Contact));
        Assert.Equal(world.SunshineOwner, history.GetAttributeValue<EntityReference>(TierHistoryTable.Columns.Contact).Id);
    }

    [Fact]
    public void ReadLedger_AnotherPropertysOwner_NothingReturnedAndOwnerDenied()
    {
        using var world = new PersonaWorld();
        var bill = world.Owned(DataProducer.NewBill(world.JadeOwner, 2_500m, new DateTime(2025, 1, 31)), world.JadeDesk);
        world.Dataverse.Service.Create(DataProducer.NewPayment(bill, 2_500m, world.Dataverse.Clock.UtcNow));
        Assert.NotEmpty(world.Dataverse.PeekAll(PointsEntryTable.LogicalName));

        Assert.Empty(Rows(world, PointsEntryTable.LogicalName, PointsEntryTable.Columns.Contact));
        Assert.Empty(Rows(world, TierHistoryTable.LogicalName, TierHistoryTable.Columns.Contact));
        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () =>
            world.As(world.Manager).Retrieve(ContactTable.LogicalName, world.JadeOwner, new ColumnSet(ContactTable.Columns.Tier)));
    }

    [Fact]
    public void CreatePointsEntry_ByHand_RefusedByLedgerGuard()
    {
        using var world = new PersonaWorld();
        var entry = LedgerStore.ToRow(world.SunshineOwner, global::PropertyCrm.Domain.Loyalty.Points.PointsLedgerEntry.Earn(
            global::PropertyCrm.Domain.Loyalty.Points.LedgerKeys.Earn(
                global::PropertyCrm.Domain.Loyalty.Points.EarnRuleCode.Referral,
                "hand"), 1, global::PropertyCrm.Domain.Loyalty.Points.EarnRuleCode.Referral, "hand", 5_000,
            DateTimeOffset.UtcNow, global::PropertyCrm.Domain.Loyalty.ChinaDate.Parse("2030-12-31"), "手工 / by hand"));

        // Refused by the ledger guard (pre-validation, before security): even Create privilege would not help.
        PersonaWorld.Refused(DataverseErrorCodes.IsvAborted, () => world.As(world.Manager).Create(entry));
    }

    [Fact]
    public void RecordPayment_AnotherPropertysBill_AccessDenied()
    {
        using var world = new PersonaWorld();
        var bill = world.Owned(DataProducer.NewBill(world.JadeOwner, 800m, new DateTime(2025, 1, 31)), world.JadeDesk);

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () =>
            world.As(world.Manager).Create(DataProducer.NewPayment(bill, 800m, world.Dataverse.Clock.UtcNow)));
    }

    private static DataCollection<Entity> Rows(PersonaWorld world, string table, string contactColumn) =>
        world.As(world.Manager).RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(contactColumn, "ownerid") }).Entities;
}
