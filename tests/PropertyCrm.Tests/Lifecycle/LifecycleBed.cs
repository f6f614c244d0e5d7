using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Lifecycle;

/// <summary>
/// The lifecycle review's acts and reads: sets the clock to a China date, runs the Custom API, reads the stage and
/// dates it wrote. Owners, occupancies, monthly ¥200 bills due on the 15th and service requests come from
/// <see cref="DataverseTestBase.Data"/> (seeded: no pipeline).
/// </summary>
internal sealed class LifecycleBed : DataverseTestBase
{
    // The review reads its thresholds through the loyalty configuration cache: a private cache, warmed before each run
    // (Warm), so the call budgets below count the review itself; a cold cache adds the configuration's 2 reads.
    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();

    /// <summary>Whether <see cref="Run"/> warms the configuration cache first (default); false leaves it as it is.</summary>
    public bool Warm { get; set; } = true;

    /// <summary>Ends the private cache scope.</summary>
    public void EndCacheScope() => cacheScope.Dispose();

    /// <summary>Moves the clock to 10:00 China time on <paramref name="date"/>.</summary>
    public void Today(string date) => Dataverse.Clock.SetClock(DataProducer.At(date));

    public OrganizationResponse Run(DateTime? asOf = null, int? pageSize = null, int? budgetSeconds = null, string? token = null)
    {
        if (Warm)
        {
            LoyaltyConfigurationCache.Get(Dataverse.Service, FakeDataverse.OrganizationId, Dataverse.Clock.UtcNow);
        }

        var request = new OrganizationRequest(RunLifecycleReviewPlugin.ApiName);
        if (asOf.HasValue)
        {
            request[RunLifecycleReviewPlugin.AsOfParameter] = asOf.Value;
        }

        if (pageSize.HasValue)
        {
            request[RunLifecycleReviewPlugin.PageSizeParameter] = pageSize.Value;
        }

        if (budgetSeconds.HasValue)
        {
            request[RunLifecycleReviewPlugin.TimeBudgetSecondsParameter] = budgetSeconds.Value;
        }

        if (token != null)
        {
            request[RunLifecycleReviewPlugin.ContinuationTokenParameter] = token;
        }

        return Dataverse.Service.Execute(request);
    }

    public Entity Contact(Guid owner) => Dataverse.Peek(ContactTable.LogicalName, owner)!;

    public LifecycleStage? Stage(Guid owner) => OptionValues.Read<LifecycleStage>(Contact(owner), ContactTable.Columns.LifecycleStage);

    /// <summary>The China date of a date-time column, or null when blank.</summary>
    public ChinaDate? Day(Guid owner, string column) =>
        Contact(owner).GetAttributeValue<DateTime?>(column) is DateTime value ? ChinaDate.FromInstant(new DateTimeOffset(value, TimeSpan.Zero)) : null;
}
