using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Service;
using PropertyCrm.Harness.Storage;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness;

/// <summary>
/// An in-memory Dataverse for tests. Act through <see cref="Service"/> / <see cref="ServiceFor"/> (the
/// organization service), so the real event pipeline with the project's registered steps runs; arrange
/// with <see cref="Seed(Entity)"/>; move time with <see cref="Clock"/>; assert on rows with
/// <see cref="Peek"/> and on plug-in behaviour with <see cref="LastExecution"/>. See README.md beside
/// this file for what is modelled and what is not.
/// </summary>
public sealed class FakeDataverse
{
    /// <summary>The default caller: a system administrator.</summary>
    public static readonly Guid AdminUserId = new("a0000000-0000-0000-0000-00000000a001");

    /// <summary>The SYSTEM user, whom CreateOrganizationService(null) acts as.</summary>
    public static readonly Guid SystemUserId = new("a0000000-0000-0000-0000-00000000a000");

    public static readonly Guid RootBusinessUnitId = new("b0000000-0000-0000-0000-00000000b001");

    public static readonly Guid OrganizationId = new("c0000000-0000-0000-0000-00000000c001");

    public const string OrganizationName = "propertycrm-harness";

    private readonly ConcurrentQueue<ExecutionRecord> executions = new();
    private readonly ConcurrentQueue<PluginTrace> traces = new();
    private readonly ConcurrentQueue<AsyncStepFailure> asyncFailures = new();
    private ExecutionRecord? lastExecution;
    private int allColumnsRequests;

    public FakeDataverse()
    {
        Core = new CoreOperations(this);
        Pipeline = new EventPipeline(this, Core);
        Metadata.Register(new TableMetadata("systemuser") { Ownership = TableOwnership.None, HasState = false });
        Metadata.Register(new TableMetadata("businessunit") { Ownership = TableOwnership.None, HasState = false });
        Seed(new Entity("businessunit", RootBusinessUnitId) { ["name"] = "PropertyCrm" });
        Seed(new Entity("systemuser", AdminUserId) { ["fullname"] = "管理员 Admin", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) });
        Seed(new Entity("systemuser", SystemUserId) { ["fullname"] = "SYSTEM", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) });
    }

    /// <summary>The harness clock (UTC), starting at <see cref="HarnessClock.DefaultStart"/>.</summary>
    public HarnessClock Clock { get; } = new();

    /// <summary>How long a request waits for a row lock before it is made the deadlock victim (default 5 s).</summary>
    public TimeSpan LockTimeout
    {
        get => Store.LockTimeout;
        set => Store.LockTimeout = value;
    }

    /// <summary>The organization service of the admin user.</summary>
    public IOrganizationService Service => ServiceFor(AdminUserId);

    /// <summary>Asynchronous steps queued by committed transactions, waiting for <see cref="DrainAsyncSteps"/>.</summary>
    public int PendingAsyncSteps => AsyncQueue.Count;

    /// <summary>Asynchronous steps that failed (recorded; never thrown to the original caller).</summary>
    public IReadOnlyList<AsyncStepFailure> AsyncFailures => asyncFailures.ToArray();

    /// <summary>Every top-level request so far (calls by the test and async steps run), in completion order.</summary>
    public IReadOnlyList<ExecutionRecord> Executions => executions.ToArray();

    /// <summary>The most recently completed top-level request.</summary>
    public ExecutionRecord LastExecution => Volatile.Read(ref lastExecution) ?? throw new InvalidOperationException("No request has been executed yet.");

    /// <summary>Service calls plug-ins made across every request so far.</summary>
    public CallCounts PluginCalls => new(executions.SelectMany(e => e.PluginCalls.Calls).ToArray());

    /// <summary>Every plug-in execution so far, with its trace lines.</summary>
    public IReadOnlyList<PluginTrace> Traces => traces.ToArray();

    /// <summary>How many Retrieve/RetrieveMultiple asked for all columns (the project must never: tests assert 0).</summary>
    public int AllColumnsRequests => Volatile.Read(ref allColumnsRequests);

    internal RowStore Store { get; } = new();

    internal MetadataRegistry Metadata { get; } = new();

    internal PluginRegistry Registry { get; } = new();

    internal AsyncQueue AsyncQueue { get; } = new();

    internal EventPipeline Pipeline { get; }

    internal CoreOperations Core { get; }

    internal IEnumerable<ManyToManyRelationship> ManyToManyRelationships => Metadata.ManyToManyRelationships;

    internal IEnumerable<OneToManyRelationship> OneToManyRelationships => Metadata.OneToManyRelationships;

    /// <summary>The organization service acting as this user (InitiatingUserId and UserId of what it starts).</summary>
    public IOrganizationService ServiceFor(Guid userId) => new HarnessOrganizationService(this, userId, null);

    /// <summary>Adds a systemuser row and returns its id.</summary>
    public Guid CreateUser(string fullName, Guid? businessUnitId = null) =>
        Seed(new Entity("systemuser")
        {
            ["fullname"] = fullName,
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
        });

    /// <summary>Registers every step and Custom API the deployed solution declares (PluginCatalog).</summary>
    public FakeDataverse WithPluginCatalog()
    {
        foreach (var step in PluginCatalog.Steps)
        {
            RegisterStep(step);
        }

        foreach (var api in PluginCatalog.CustomApis)
        {
            RegisterCustomApi(api);
        }

        return this;
    }

    /// <summary>
    /// Registers a step. <paramref name="runAsUserId"/> is the step's impersonating user (the platform's
    /// "Run in user's context"); null runs it as the caller.
    /// </summary>
    public FakeDataverse RegisterStep(StepDeclaration step, Guid? runAsUserId = null)
    {
        Registry.Add(step ?? throw new ArgumentNullException(nameof(step)), runAsUserId);
        return this;
    }

    public FakeDataverse RegisterCustomApi(CustomApiDeclaration api)
    {
        Registry.Add(api ?? throw new ArgumentNullException(nameof(api)));
        return this;
    }

    /// <summary>Declares a table whose key or ownership differs from the defaults (e.g. activities: "activityid").</summary>
    public FakeDataverse RegisterTable(TableMetadata table)
    {
        Metadata.Register(table ?? throw new ArgumentNullException(nameof(table)));
        return this;
    }

    public FakeDataverse RegisterRelationship(ManyToManyRelationship relationship)
    {
        Metadata.Register(relationship ?? throw new ArgumentNullException(nameof(relationship)));
        return this;
    }

    public FakeDataverse RegisterRelationship(OneToManyRelationship relationship)
    {
        Metadata.Register(relationship ?? throw new ArgumentNullException(nameof(relationship)));
        return this;
    }

    /// <summary>
    /// Required defaults for a table's seeded rows (XrmBedrock-style data producers): <paramref name="fill"/>
    /// sets columns on a blank row; Seed copies those the seeded entity does not set itself.
    /// </summary>
    public FakeDataverse SeedDefaults(string logicalName, Action<Entity> fill)
    {
        Metadata.RegisterSeedDefaults(logicalName, fill ?? throw new ArgumentNullException(nameof(fill)));
        return this;
    }

    /// <summary>
    /// Writes a committed row directly, without the pipeline: no plug-in runs and nothing is counted.
    /// Fills the key, system columns (given createdon/modifiedon/ownerid are kept), state and the table's
    /// seed defaults. Returns the id.
    /// </summary>
    public Guid Seed(Entity entity)
    {
        if (entity is null)
        {
            throw new ArgumentNullException(nameof(entity));
        }

        var table = Metadata.Table(entity.LogicalName);
        var id = entity.Id != Guid.Empty ? entity.Id
            : entity.Attributes.TryGetValue(table.PrimaryIdAttribute, out var given) && given is Guid g ? g
            : Guid.NewGuid();
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Metadata.SeedDefaults(entity.LogicalName) is { } fill)
        {
            var defaults = new Entity(entity.LogicalName, id);
            fill(defaults);
            foreach (var attribute in defaults.Attributes.Where(a => a.Value is not null))
            {
                attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
            }
        }

        foreach (var attribute in entity.Attributes)
        {
            if (attribute.Value is null)
            {
                attributes.Remove(attribute.Key);
            }
            else
            {
                attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
            }
        }

        var version = Store.NextVersion();
        FillSystemColumns(table, id, attributes, AdminUserId, version, keepGiven: true);
        lock (Store.Gate)
        {
            if (!Store.SeedRow(new StoredRow(entity.LogicalName, id, attributes, version)))
            {
                throw Faults.Duplicate(entity.LogicalName, id);
            }
        }

        return id;
    }

    public void Seed(IEnumerable<Entity> entities)
    {
        foreach (var entity in entities ?? throw new ArgumentNullException(nameof(entities)))
        {
            Seed(entity);
        }
    }

    /// <summary>
    /// A copy of the row with every column, or null; for assertions. Bypasses the service (not counted,
    /// no locks): call it between requests, not while one is running.
    /// </summary>
    public Entity? Peek(string logicalName, Guid id)
    {
        lock (Store.Gate)
        {
            var row = Store.Find(new RowKey(logicalName, id));
            return row is null || row.IsDeleted ? null : ValueCloner.ToEntity(row, null, Metadata.PrimaryIdAttribute(logicalName), NameOf);
        }
    }

    /// <summary>Copies of every row of a table, for assertions (see <see cref="Peek"/>).</summary>
    public IReadOnlyList<Entity> PeekAll(string logicalName)
    {
        lock (Store.Gate)
        {
            var key = Metadata.PrimaryIdAttribute(logicalName);
            return Store.RowsOf(logicalName).Where(r => !r.IsDeleted).Select(r => ValueCloner.ToEntity(r, null, key, NameOf)).ToArray();
        }
    }

    public int Count(string logicalName)
    {
        lock (Store.Gate)
        {
            return Store.RowsOf(logicalName).Count(r => !r.IsDeleted);
        }
    }

    /// <summary>
    /// Runs queued asynchronous steps, in queue order, until none is left (steps they trigger included).
    /// Each runs as its own system job: a failure is recorded in <see cref="AsyncFailures"/>, not thrown.
    /// Returns how many ran.
    /// </summary>
    public int DrainAsyncSteps()
    {
        const int Limit = 10_000;
        var ran = 0;
        while (AsyncQueue.TryDequeue(out var job))
        {
            if (++ran > Limit)
            {
                throw new InvalidOperationException($"More than {Limit} asynchronous steps in one drain: an asynchronous loop?");
            }

            var queued = job.Context;
            var record = new ExecutionRecord(queued.MessageName, queued.PrimaryEntityName, queued.CorrelationId, isAsyncStep: true);
            var origin = new CallOrigin(queued.UserId, queued.InitiatingUserId, queued.Depth, queued.CorrelationId, null, queued.ParentContext as PluginExecutionContext, record);
            var context = queued.WithOrigin(origin);
            try
            {
                Pipeline.Invoke(job.Step.Plugin, context);
            }
            catch (DataverseFaultException ex)
            {
                record.Error = ex;
                asyncFailures.Enqueue(new AsyncStepFailure(job.Step.Declaration, context, ex));
            }
            finally
            {
                Complete(record);
            }
        }

        return ran;
    }

    /// <summary>Forgets recorded executions, traces, async failures and the AllColumns count (rows stay).</summary>
    public void ResetDiagnostics()
    {
        executions.Clear();
        traces.Clear();
        asyncFailures.Clear();
        Volatile.Write(ref lastExecution, null);
        Interlocked.Exchange(ref allColumnsRequests, 0);
    }

    internal OrganizationResponse ExecuteTopLevel(OrganizationRequest request, Guid userId)
    {
        var correlation = Guid.NewGuid();
        var record = new ExecutionRecord(request.RequestName ?? string.Empty, HarnessOrganizationService.EntityNameOf(request), correlation, isAsyncStep: false);
        var origin = new CallOrigin(userId, userId, 1, correlation, null, null, record);
        try
        {
            return Pipeline.Execute(request, origin);
        }
        catch (Exception ex)
        {
            record.Error = ex;
            throw;
        }
        finally
        {
            Complete(record);
        }
    }

    internal void Commit(Transaction transaction)
    {
        if (transaction.AbortReason is { } reason)
        {
            throw Faults.Aborted(reason);
        }

        Store.Commit(transaction);
        foreach (var action in transaction.TakeAfterCommitActions())
        {
            action();
        }
    }

    internal Guid BusinessUnitOf(Guid userId)
    {
        lock (Store.Gate)
        {
            var row = Store.Find(new RowKey("systemuser", userId));
            return row is not null && row.Attributes.TryGetValue("businessunitid", out var value) && value is EntityReference bu ? bu.Id : RootBusinessUnitId;
        }
    }

    internal void FillSystemColumns(TableMetadata table, Guid id, Dictionary<string, object> attributes, Guid userId, long version, bool keepGiven = false)
    {
        attributes[table.PrimaryIdAttribute] = id;
        if (table.IsIntersect)
        {
            return;
        }

        var now = Clock.UtcNow;
        var user = new EntityReference("systemuser", userId);
        if (!keepGiven || !attributes.ContainsKey("createdon"))
        {
            attributes["createdon"] = attributes.TryGetValue("overriddencreatedon", out var overridden) && overridden is DateTime o ? o : now;
        }

        if (!keepGiven || !attributes.ContainsKey("modifiedon"))
        {
            attributes["modifiedon"] = now;
        }

        if (!keepGiven || !attributes.ContainsKey("createdby"))
        {
            attributes["createdby"] = user;
        }

        if (!keepGiven || !attributes.ContainsKey("modifiedby"))
        {
            attributes["modifiedby"] = new EntityReference("systemuser", userId);
        }

        if (table.Ownership == TableOwnership.UserOwned)
        {
            if (!attributes.TryGetValue("ownerid", out var owner) || owner is not EntityReference)
            {
                attributes["ownerid"] = new EntityReference("systemuser", userId);
            }

            if (!attributes.ContainsKey("owningbusinessunit"))
            {
                var ownerId = ((EntityReference)attributes["ownerid"]).Id;
                attributes["owningbusinessunit"] = new EntityReference("businessunit", BusinessUnitOf(ownerId));
            }
        }

        if (table.HasState)
        {
            if (!attributes.ContainsKey("statecode"))
            {
                attributes["statecode"] = new OptionSetValue(0);
            }

            if (!attributes.ContainsKey("statuscode"))
            {
                attributes["statuscode"] = new OptionSetValue(1);
            }
        }

        attributes["versionnumber"] = version;
    }

    /// <summary>
    /// The primary name of the row a lookup points to, for EntityReference.Name. Read without waiting for
    /// row locks: a name is display data.
    /// </summary>
    internal string? NameOf(EntityReference reference)
    {
        lock (Store.Gate)
        {
            var row = Store.Find(new RowKey(reference.LogicalName, reference.Id));
            return row is not null && !row.IsDeleted && row.Attributes.TryGetValue(Metadata.Table(reference.LogicalName).PrimaryNameAttribute, out var name)
                ? name as string
                : null;
        }
    }

    internal void CountAllColumns(ExecutionRecord? record)
    {
        Interlocked.Increment(ref allColumnsRequests);
        record?.CountAllColumns();
    }

    internal void AddTrace(PluginTrace trace) => traces.Enqueue(trace);

    private void Complete(ExecutionRecord record)
    {
        executions.Enqueue(record);
        Volatile.Write(ref lastExecution, record);
    }
}
