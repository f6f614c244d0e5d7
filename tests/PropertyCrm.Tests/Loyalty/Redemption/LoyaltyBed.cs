using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Loyalty.Redemption;

/// <summary>
/// Reads ledgers, balances and stock for the redemption, reversal and sweep tests. Owners with points lots and rewards
/// come from <see cref="DataverseTestBase.Data"/> (seeded: no pipeline).
/// </summary>
internal sealed class LoyaltyBed : DataverseTestBase
{
    public Entity[] Entries(Guid owner) =>
        Dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
            .OrderBy(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Sequence))
            .ToArray();

    public PointsLedger Ledger(Guid owner) => LedgerStore.Read(Dataverse.Service, owner);

    public int Balance(Guid owner) => Dataverse.Row(ContactTable.LogicalName, owner).Get<int?>(ContactTable.Columns.PointsBalance) ?? 0;

    public int LedgerSum(Guid owner) => Entries(owner).Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points));

    public int? Stock(Guid reward) => Dataverse.Row(RewardTable.LogicalName, reward).Get<int?>(RewardTable.Columns.Stock);
}
