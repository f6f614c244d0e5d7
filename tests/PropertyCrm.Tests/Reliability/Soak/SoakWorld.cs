using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Dispatch;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>
/// One property company for a month of concurrent work: an estate of owners (each with a unit, a points lot that
/// expires mid-month and one that does not, bills for December to February), three rewards (two with little stock), a
/// dispatch rule, and the staff who work on them. Staff act through the organization service on their own threads; the
/// clock moves a month forward over the run.
/// </summary>
internal sealed class SoakWorld : DataverseTestBase, IDisposable
{
    /// <summary>Attempts per operation: the first and up to five retries after transient faults.</summary>
    public const int MaxAttempts = 6;

    private readonly IDisposable slaCache = SlaConfigurationCache.Isolate();
    private readonly IDisposable loyaltyCache = LoyaltyConfigurationCache.Isolate();
    private readonly IDisposable dispatchCache = DispatchRuleCache.Isolate();
    private readonly List<Guid> owners = new();
    private readonly List<Guid> units = new();
    private readonly Dictionary<Guid, int> initialStock = new();
    private readonly List<Guid> rewards = new();
    private readonly Dictionary<Guid, List<Guid>> billsByOwner = new();

    public SoakWorld(SoakSettings settings)
    {
        Settings = settings;
        Dataverse.LockTimeout = TimeSpan.FromSeconds(2);
        Technician = Dataverse.CreateUser("维修 刘工 Technician");
        var supervisor = Dataverse.CreateUser("主管 李强 Supervisor");
        var manager = Dataverse.CreateUser("项目经理 王磊 Manager");
        Property = Data.Property("翠湖花园 Emerald Lake", supervisor, manager, Data.Team("品质部 Quality"));
        Dataverse.Seed(new Entity(DispatchRuleTable.LogicalName)
        {
            [DispatchRuleTable.Columns.Name] = "全部 all",
            [DispatchRuleTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, Property),
            [DispatchRuleTable.Columns.Technician] = new EntityReference(PlatformTables.SystemUser, Technician),
        });

        for (var i = 0; i < settings.Owners; i++)
        {
            var owner = Data.OwnerWithPoints(i % 4 == 0 ? OwnerTier.Gold : OwnerTier.Standard, (80 + (i * 10), "2025-01-20"), (150, "2026-12-31"));
            owners.Add(owner);
            units.Add(Dataverse.Seed(new Entity(UnitTable.LogicalName)
            {
                [UnitTable.Columns.Name] = "3-1-" + (801 + i).ToString(CultureInfo.InvariantCulture),
                [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, Property),
            }));
            var bills = new List<Guid>();
            foreach (var due in new[] { new DateTime(2024, 12, 15), new DateTime(2025, 1, 15), new DateTime(2025, 2, 15) })
            {
                bills.Add(Data.Bill(owner, 200m + (i * 50), due));
            }

            billsByOwner[owner] = bills;
        }

        AddReward(50, 4, "GIFT-UMBRELLA");
        AddReward(100, 2, "GIFT-KETTLE");
        AddReward(30, null, "FEE-VOUCHER-20");
    }

    public SoakSettings Settings { get; }

    public Guid Technician { get; }

    public Guid Property { get; }

    public IReadOnlyList<Guid> Owners => owners;

    public IReadOnlyDictionary<Guid, int> InitialStock => initialStock;

    public SharedIds Requests { get; } = new();

    /// <summary>The 待回访 queue as the 回访 agents see it: requests a thread resolved (an entry goes when an agent finds the
    /// request no longer resolved; a request resolved again comes back).</summary>
    public SharedIds Resolved { get; } = new();

    public SharedIds Redemptions { get; } = new();

    public SharedIds Payments { get; } = new();

    public SoakTally Tally { get; } = new();

    public Guid Owner(Random random) => owners[random.Next(owners.Count)];

    public Guid UnitOf(Guid owner) => units[owners.IndexOf(owner)];

    public Guid Reward(Random random) => rewards[random.Next(rewards.Count)];

    public Guid Bill(Guid owner, Random random) => billsByOwner[owner][random.Next(billsByOwner[owner].Count)];

    /// <summary>
    /// Runs one staff operation with the client's retry policy: a transient fault (deadlock victim, lock timeout, SQL
    /// timeout, service protection) or a row-version conflict is retried up to <see cref="MaxAttempts"/> times; a rule's refusal (a bilingual
    /// message), a row another user removed meanwhile, or a status move the platform refuses because another user closed
    /// the request meanwhile ends the operation; anything else is recorded as unexpected.
    /// </summary>
    public void Attempt(string what, Random random, Action operation)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                operation();
                Tally.CountDone();
                return;
            }
            catch (DataverseFaultException fault) when (InjectedFaults.IsTransient(fault) || IsVersionConflict(fault) || IsConcurrentResolve(fault))
            {
                if (attempt == MaxAttempts)
                {
                    Tally.CountGaveUp();
                    return;
                }

                Tally.CountRetry();
                Thread.Sleep(random.Next(0, 3 * attempt));
            }
            catch (DataverseFaultException fault) when (IsCleanRefusal(fault))
            {
                Tally.CountRefused();
                return;
            }
            catch (Exception ex)
            {
                Tally.Record($"{what}: {ex.GetType().Name} {(ex as DataverseFaultException)?.ErrorCode}: {ex.Message}");
                return;
            }
        }
    }

    public void Dispose()
    {
        dispatchCache.Dispose();
        loyaltyCache.Dispose();
        slaCache.Dispose();
    }

    // The SLA sweep's write carries the row version it read; a user's save in between fails the call, which rolls back
    // whole and is repeated with the same token (README, "Sweep jobs"): a documented conflict, retried like a deadlock.
    private static bool IsVersionConflict(DataverseFaultException fault) =>
        fault.ErrorCode == DataverseErrorCodes.ConcurrencyVersionMismatch
        || fault.Message.Contains("doesn't match the RowVersion property provided", StringComparison.Ordinal);

    // Two staff resolving the same request at once: both pass pre-operation and create the resolution's 回访; the 回访's
    // alternate key (request × resolution number) refuses the second insert, which rolls the second resolve back whole.
    // A plug-in cannot retry inside its doomed transaction, so the client does: the retry finds the request resolved.
    private static bool IsConcurrentResolve(DataverseFaultException fault) =>
        fault.Message.Contains(FollowUpTable.Keys.RequestResolution, StringComparison.OrdinalIgnoreCase);

    // A rule's refusal reads Chinese / English; a row another user deleted (a payment) is simply gone.
    // A status move computed from a request that another user closed meanwhile is refused by the platform's state check.
    private static bool IsCleanRefusal(DataverseFaultException fault) =>
        fault.ErrorCode is DataverseErrorCodes.ObjectDoesNotExist or DataverseErrorCodes.InvalidStateCodeStatusCode
        || (fault.ErrorCode == DataverseErrorCodes.IsvAborted
            && System.Text.RegularExpressions.Regex.IsMatch(fault.Message, "[\\u4e00-\\u9fff].* / .*[A-Za-z]")
            && !fault.Message.Contains("failed:", StringComparison.Ordinal));

    private void AddReward(int cost, int? stock, string code)
    {
        var reward = Data.Reward(cost, stock, code: code);
        rewards.Add(reward);
        if (stock.HasValue)
        {
            initialStock[reward] = stock.Value;
        }
    }
}
