using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Service;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness;

/// <summary>
/// An in-memory Dataverse for tests. Act through <see cref="Service"/> / <see cref="ServiceFor"/> (the
/// organization service), so the real event pipeline with the project's registered steps runs; arrange
/// with <see cref="Seed(Entity)"/>; move time with <see cref="Clock"/>; assert on rows with
/// <see cref="Peek"/> and on plug-in behaviour with <see cref="LastExecution"/>. See README.md beside
/// this file for what is modelled and what is not.
/// </summary>
public sealed partial class FakeDataverse
{
    /// <summary>The default caller: a system administrator.</summary>
    public static readonly Guid AdminUserId = new("a0000000-0000-0000-0000-00000000a001");

    /// <summary>The SYSTEM user, whom CreateOrganizationService(null) acts as.</summary>
    public static readonly Guid SystemUserId = new("a0000000-0000-0000-0000-00000000a000");

    public static readonly Guid RootBusinessUnitId = new("b0000000-0000-0000-0000-00000000b001");

    public static readonly Guid OrganizationId = new("c0000000-0000-0000-0000-00000000c001");

    public const string OrganizationName = "propertycrm-harness";

    public FakeDataverse()
    {
        Core = new CoreOperations(this);
        Pipeline = new EventPipeline(this, Core);
        Metadata.Register(new TableMetadata("systemuser") { Ownership = TableOwnership.None, HasState = false });
        Metadata.Register(new TableMetadata("businessunit") { Ownership = TableOwnership.None, HasState = false });

        // Notes (annotation, Learn "Note (Annotation) table reference"): user-owned, no statecode/statuscode, primary name
        // subject; objectid is the polymorphic "regarding" lookup (Append on the note, AppendTo on the regarded row).
        Metadata.Register(new TableMetadata("annotation") { HasState = false, PrimaryNameAttribute = "subject" });
        Metadata.Register(PlatformTableRules.TaskMetadata());
        Seed(new Entity("businessunit", RootBusinessUnitId) { ["name"] = "PropertyCrm" });
        Seed(new Entity("systemuser", AdminUserId) { ["fullname"] = "管理员 Admin", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) });
        Seed(new Entity("systemuser", SystemUserId) { ["fullname"] = "SYSTEM", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) });
    }

    /// <summary>
    /// Makes the id of every new row: seeded, created without an id, users, teams, intersect rows (default
    /// <see cref="Guid.NewGuid"/>). A test that compares two runs sets a repeatable generator before arranging, so both
    /// arrange the same ids. Called from any thread: a replacement must be thread-safe.
    /// </summary>
    public Func<Guid> IdGenerator { get; set; } = Guid.NewGuid;

    /// <summary>The harness clock (UTC), starting at <see cref="HarnessClock.DefaultStart"/>.</summary>
    public HarnessClock Clock { get; } = new();

    /// <summary>How long a request waits for a row lock before it is made the deadlock victim (default 5 s).</summary>
    public TimeSpan LockTimeout
    {
        get => Store.LockTimeout;
        set => Store.LockTimeout = value;
    }

    /// <summary>The organization service of the admin user (a System Administrator: no privilege check applies).</summary>
    public IOrganizationService Service => ServiceFor(AdminUserId);

    internal RowStore Store { get; } = new();

    internal MetadataRegistry Metadata { get; } = new();

    internal PluginRegistry Registry { get; } = new();

    internal AsyncQueue AsyncQueue { get; } = new();

    internal EventPipeline Pipeline { get; }

    internal CoreOperations Core { get; }

    /// <summary>The organization service acting as this user (InitiatingUserId and UserId of what it starts).</summary>
    public IOrganizationService ServiceFor(Guid userId) => new HarnessOrganizationService(this, userId, null);

    /// <summary>
    /// Adds a systemuser row and returns its id. The user has no modelled roles and passes every security check,
    /// like a System Administrator; use <see cref="CreateUser(string, Guid, string[])"/> for a user with roles.
    /// </summary>
    public Guid CreateUser(string fullName, Guid? businessUnitId = null) =>
        Seed(new Entity("systemuser")
        {
            ["fullname"] = fullName,
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
        });
}
