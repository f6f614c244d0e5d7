using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Support.RealThreads;
using Options = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Tests.Loyalty;

/// <summary>
/// The owner lock's loyalty account row (<see cref="OwnerLock"/>): created with the contact
/// (<see cref="LoyaltyAccountPlugin"/>), so locks only update it; created by the lock's upsert for an owner that existed
/// before; deleted with the owner; two locks of one owner serialise.
/// </summary>
public sealed class OwnerLockTests : IDisposable
{
    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    public void Dispose() => cacheScope.Dispose();

    [Fact]
    public void ContactCreate_ThroughService_ExactlyOneAccountOwnedLikeTheContact()
    {
        var owner = dataverse.Service.Create(DataProducer.NewOwner());
        var createCalls = dataverse.LastExecution.PluginCalls;

        Award(owner, "survey-1");
        Award(owner, "survey-2");

        var account = Assert.Single(Accounts(owner));
        Assert.Equal(dataverse.Peek(ContactTable.LogicalName, owner)![ContactTable.Columns.OwnerId], account[LoyaltyAccountTable.Columns.OwnerId]);
        Assert.False(string.IsNullOrWhiteSpace(account.GetAttributeValue<string>(LoyaltyAccountTable.Columns.Name)));
        Assert.NotNull(account.GetAttributeValue<DateTime?>(LoyaltyAccountTable.Columns.LockedOn));
        Assert.Equal(0, createCalls.Reads);
        Assert.Equal(1, createCalls.Writes);
    }

    [Fact]
    public void Lock_OwnerFromBeforeAccounts_UpsertCreatesOneAccount()
    {
        var owner = dataverse.Seed(DataProducer.NewOwner());   // seeded: no Create pipeline, as for an owner imported before the step

        Award(owner, "survey-1");
        Award(owner, "survey-2");

        var account = Assert.Single(Accounts(owner));
        Assert.Equal(dataverse.Peek(ContactTable.LogicalName, owner)![ContactTable.Columns.OwnerId], account[LoyaltyAccountTable.Columns.OwnerId]);
        Assert.Equal(40, dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance));
    }

    [Fact]
    public void ContactDelete_Erasure_DeletesTheAccount()
    {
        var owner = dataverse.Service.Create(DataProducer.NewOwner());
        Award(owner, "survey-1");

        dataverse.Service.Delete(ContactTable.LogicalName, owner);

        Assert.Empty(Accounts(owner));
    }

    [Fact]
    public async Task Lock_TwoThreadsOneOwnerWithAccount_SecondWaitsAndSeesTheFirst()
    {
        var owner = dataverse.Service.Create(DataProducer.NewOwner());

        // The first award holds its lock (at its entry's create) until the second has reached its own lock write.
        using var secondAtLock = new ManualResetEventSlim();
        var locks = 0;
        var entries = 0;
        dataverse.RegisterStep(TestSteps.On("Update", LoyaltyAccountTable.LogicalName, PipelineStage.PreValidation, _ =>
        {
            if (Interlocked.Increment(ref locks) == 2)
            {
                secondAtLock.Set();
            }
        }));
        dataverse.RegisterStep(TestSteps.On("Create", PointsEntryTable.LogicalName, PipelineStage.PreOperation, _ =>
        {
            if (Interlocked.Increment(ref entries) == 1)
            {
                Assert.True(secondAtLock.Wait(Bound));
            }
        }));

        var first = OnThread(() => Award(owner, "survey-1"));
        var second = OnThread(() =>
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref entries) >= 1, Bound);
            return Award(owner, "survey-2");
        });
        var responses = await Task.WhenAll(first, second).WaitAsync(Bound);

        // Neither failed; the second read the first's committed ledger under the lock (balance 40, not 20).
        Assert.Equal(new[] { 20, 40 }, responses.Select(r => (int)r.Results[AwardPointsPlugin.BalanceOutput]).OrderBy(b => b));
        Assert.Equal(40, dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance));
        var sequences = dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
            .Select(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Sequence)).ToArray();
        Assert.Equal(2, sequences.Distinct().Count());
        Assert.Single(Accounts(owner));
    }

    private Entity[] Accounts(Guid owner) => dataverse.PeekAll(LoyaltyAccountTable.LogicalName)
        .Where(a => a.GetAttributeValue<EntityReference>(LoyaltyAccountTable.Columns.Contact)?.Id == owner)
        .ToArray();

    private OrganizationResponse Award(Guid owner, string source) => dataverse.Service.Execute(new OrganizationRequest(AwardPointsPlugin.ApiName)
    {
        [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        [AwardPointsPlugin.RuleParameter] = new OptionSetValue(Options.EarnRule.SurveyCompleted),
        [AwardPointsPlugin.SourceIdParameter] = source,
    });
}
