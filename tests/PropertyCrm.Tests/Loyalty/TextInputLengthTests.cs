using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Loyalty.Redemption;
using Options = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Tests.Loyalty;

/// <summary>
/// Text the loyalty APIs take and write must fit its column (the harness does not check column lengths, so these tests
/// assert them): an over-long reversal reason or source id is refused bilingually with nothing written; at the maximum,
/// the text is stored whole.
/// </summary>
public sealed class TextInputLengthTests
{
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Reverse_ReasonOf3000Characters_RefusedBilinguallyNothingWritten()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"));

        var fault = Assert.Throws<DataverseFaultException>(() => Reverse(bed.Entries(owner)[0].Id, new string('因', 3_000)));

        Assert.Contains($"Reason 最多 {ReversePointsEntryPlugin.ReasonMaxLength} 个字符,收到 3000 个", fault.Message);
        Assert.Contains($"Reason takes at most {ReversePointsEntryPlugin.ReasonMaxLength} characters but got 3000", fault.Message);
        Assert.Single(bed.Entries(owner));
        Assert.Equal(100, bed.Balance(owner));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Reverse_ReasonAtMaximumOnAnExpiry_StoredWholeWithinTheDescriptionColumn()
    {
        // An expiry of a lot earned from a 100-character source has the longest key a reversal can name.
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard);
        bed.Service.Execute(new OrganizationRequest(AwardPointsPlugin.ApiName)
        {
            [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Options.EarnRule.SuggestionAdopted),
            [AwardPointsPlugin.SourceIdParameter] = new string('s', PointsEntryTable.MaxLengths.SourceId),
        });
        bed.Dataverse.Clock.SetClock(new DateTime(2028, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        bed.Service.Execute(new OrganizationRequest(RunPointsExpiryPlugin.ApiName));
        var expiry = bed.Entries(owner).Single(e => e.GetAttributeValue<OptionSetValue>(PointsEntryTable.Columns.Kind).Equals(OptionValues.ToOption(LedgerEntryKind.Expire)));
        var reason = new string('因', ReversePointsEntryPlugin.ReasonMaxLength);

        var reversalRef = (EntityReference)Reverse(expiry.Id, reason).Results[ReversePointsEntryPlugin.ReversalEntryOutput];

        var reversal = bed.Dataverse.Peek(PointsEntryTable.LogicalName, reversalRef.Id)!;
        var description = reversal.GetAttributeValue<string>(PointsEntryTable.Columns.Description);
        Assert.Contains(reason, description);
        Assert.DoesNotContain(ColumnText.Marker, description);
        Assert.InRange(description.Length, 1, PointsEntryTable.MaxLengths.Description);
        Assert.InRange(reversal.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey).Length, 1, PointsEntryTable.MaxLengths.IdempotencyKey);
        Assert.InRange(reversal.GetAttributeValue<string>(PointsEntryTable.Columns.ReversesKey).Length, 1, PointsEntryTable.MaxLengths.ReversesKey);
        Assert.InRange(reversal.GetAttributeValue<string>(PointsEntryTable.Columns.Name).Length, 1, PointsEntryTable.MaxLengths.Name);
    }

    [Fact]
    public void Award_SourceIdOver100Characters_RefusedBilinguallyNothingWritten()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Service.Execute(new OrganizationRequest(AwardPointsPlugin.ApiName)
        {
            [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Options.EarnRule.SuggestionAdopted),
            [AwardPointsPlugin.SourceIdParameter] = new string('s', PointsEntryTable.MaxLengths.SourceId + 1),
        }));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Contains("SourceId 最多 100 个字符,收到 101 个", fault.Message);
        Assert.Contains("SourceId takes at most 100 characters but got 101", fault.Message);
        Assert.Empty(bed.Entries(owner));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    private OrganizationResponse Reverse(Guid entryId, string reason) =>
        bed.Service.Execute(new OrganizationRequest(ReversePointsEntryPlugin.ApiName)
        {
            [ReversePointsEntryPlugin.EntryParameter] = new EntityReference(PointsEntryTable.LogicalName, entryId),
            [ReversePointsEntryPlugin.ReasonParameter] = reason,
        });
}
