using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.ServiceRequests;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Harness;

/// <summary>
/// The harness's security model, table-driven: access depth × who owns the row × privilege. The caller sits in
/// 华东 East, a unit with a parent (the root) and a child (阳光花园); the rows are pcrm_unit rows (user-owned in the
/// shipped solution) owned by the caller, a team the caller belongs to (in another unit), a colleague in East, a user of
/// the child unit, of the root, and of a sibling unit.
/// </summary>
public sealed class SecurityModelTests
{
    private const string Table = UnitTable.LogicalName;

    /// <summary>Owner → (Basic, Local, Deep, Global) reach, from Learn's access-level definitions.</summary>
    private static readonly Dictionary<string, bool[]> Reach = new(StringComparer.Ordinal)
    {
        ["Self"] = new[] { true, true, true, true },
        ["OwnTeam"] = new[] { true, true, true, true },
        ["Colleague"] = new[] { false, true, true, true },
        ["ChildUnit"] = new[] { false, false, true, true },
        ["ParentUnit"] = new[] { false, false, false, true },
        ["SiblingUnit"] = new[] { false, false, false, true },
    };

    private static readonly string[] Depths = { "Basic", "Local", "Deep", "Global" };

    public static TheoryData<string, string, string, bool> DepthOwnerVerb()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var verb in new[] { "Read", "Write", "Delete" })
        {
            foreach (var (owner, reach) in Reach)
            {
                for (var i = 0; i < Depths.Length; i++)
                {
                    data.Add(verb, Depths[i], owner, reach[i]);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DepthOwnerVerb))]
    public void Operation_DepthAndOwner_AllowedOnlyWithinDepth(string verb, string depth, string owner, bool allowed)
    {
        var world = new World($"prv{verb}{Table}:{depth}");
        var row = world.RowOwnedBy(owner);
        var service = world.Dataverse.ServiceFor(world.Caller);
        Action act = verb switch
        {
            "Read" => () => service.Retrieve(Table, row, new ColumnSet(UnitTable.Columns.Name)),
            "Write" => () => service.Update(new Entity(Table, row) { [UnitTable.Columns.Name] = "改 changed" }),
            _ => () => service.Delete(Table, row),
        };

        if (allowed)
        {
            act();
        }
        else
        {
            Assert.Equal(DataverseErrorCodes.AccessDenied, Assert.Throws<DataverseFaultException>(act).ErrorCode);
        }
    }

    [Theory]
    [MemberData(nameof(DepthOwnerVerb))]
    public void RetrieveMultiple_DepthAndOwner_ReturnsOnlyRowsWithinReadDepth(string verb, string depth, string owner, bool allowed)
    {
        if (verb != "Read")
        {
            return;
        }

        var world = new World($"prvRead{Table}:{depth}");
        var row = world.RowOwnedBy(owner);

        var ids = world.Dataverse.ServiceFor(world.Caller).RetrieveMultiple(new QueryExpression(Table)).Entities.Select(e => e.Id);

        Assert.Equal(allowed, ids.Contains(row));
    }

    [Theory]
    [InlineData("Read")]
    [InlineData("Write")]
    [InlineData("Delete")]
    [InlineData("Create")]
    public void Operation_NoPrivilegeAtAll_PrivilegeDeniedNamingIt(string verb)
    {
        var world = new World("prvReadpcrm_property:Global");
        var row = world.RowOwnedBy("Self");
        var service = world.Dataverse.ServiceFor(world.Caller);
        Action act = verb switch
        {
            "Read" => () => service.RetrieveMultiple(new QueryExpression(Table)),
            "Write" => () => service.Update(new Entity(Table, row) { [UnitTable.Columns.Name] = "x" }),
            "Delete" => () => service.Delete(Table, row),
            _ => () => service.Create(new Entity(Table) { [UnitTable.Columns.Name] = "x" }),
        };

        var fault = Assert.Throws<DataverseFaultException>(act);

        Assert.Equal(DataverseErrorCodes.PrivilegeDenied, fault.ErrorCode);
        Assert.Contains($"prv{verb}{Table}", fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prvReadpcrm_slapolicy:Global", true)]
    [InlineData("prvReadpcrm_unit:Global", false)]
    public void Retrieve_OrganizationOwnedTable_OnlyThePrivilegeCounts(string privilege, bool allowed)
    {
        var world = new World(privilege);
        var policy = world.Dataverse.Seed(new Entity(SlaPolicyTable.LogicalName) { [SlaPolicyTable.Columns.Name] = "公司级 company-wide" });
        Action act = () => world.Dataverse.ServiceFor(world.Caller).Retrieve(SlaPolicyTable.LogicalName, policy, new ColumnSet(true));

        if (allowed)
        {
            act();
        }
        else
        {
            Assert.Equal(DataverseErrorCodes.PrivilegeDenied, Assert.Throws<DataverseFaultException>(act).ErrorCode);
        }
    }

    [Theory]
    [InlineData("", "Self", DataverseErrorCodes.PrivilegeDenied)]
    [InlineData("prvAppendTopcrm_property:Local", "SiblingUnit", DataverseErrorCodes.AccessDenied)]
    [InlineData("prvAppendTopcrm_property:Local", "Colleague", 0)]
    [InlineData("prvAppendTopcrm_property:Deep", "ChildUnit", 0)]
    public void Create_LookupToProperty_NeedsAppendToReachingIt(string appendTo, string propertyOwner, int expected)
    {
        var privileges = new List<string> { "prvCreatepcrm_unit:Local", "prvAppendpcrm_unit:Local" };
        if (appendTo.Length > 0)
        {
            privileges.Add(appendTo);
        }

        var world = new World(privileges.ToArray());
        var property = world.Dataverse.Seed(new Entity(PropertyTable.LogicalName)
        {
            [PropertyTable.Columns.Name] = "项目 property",
            ["ownerid"] = new EntityReference("systemuser", world.UserOf(propertyOwner)),
        });
        Action act = () => world.Dataverse.ServiceFor(world.Caller).Create(new Entity(Table)
        {
            [UnitTable.Columns.Name] = "1-1-101",
            [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
        });

        if (expected == 0)
        {
            act();
        }
        else
        {
            var fault = Assert.Throws<DataverseFaultException>(act);
            Assert.Equal(expected, fault.ErrorCode);
            Assert.Contains("AppendTo", fault.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false, DataverseErrorCodes.AccessDenied)]
    [InlineData(true, 0)]
    public void Update_NewOwner_NeedsAssign(bool holdsAssign, int expected)
    {
        var world = new World(holdsAssign ? new[] { "prvWritepcrm_unit:Local", "prvAssignpcrm_unit:Local" } : new[] { "prvWritepcrm_unit:Local", "prvAssignpcrm_unit:Basic" });
        var row = world.RowOwnedBy("Colleague");
        Action act = () => world.Dataverse.ServiceFor(world.Caller).Update(new Entity(Table, row) { ["ownerid"] = new EntityReference("systemuser", world.Caller) });

        if (expected == 0)
        {
            act();
            Assert.Equal(world.Caller, world.Dataverse.Peek(Table, row)!.GetAttributeValue<EntityReference>("ownerid").Id);
        }
        else
        {
            Assert.Equal(expected, Assert.Throws<DataverseFaultException>(act).ErrorCode);
        }
    }

    [Fact]
    public void Retrieve_MemberOfTeamWithRole_GetsTheTeamsPrivilegesFromTheTeamsUnit()
    {
        var world = new World();
        world.Dataverse.DefineRole("team-reader", $"prvRead{Table}:Local");
        var team = world.Dataverse.CreateTeam("子单位读者 child readers", world.Child, new[] { "team-reader" }, world.Caller);
        var row = world.RowOwnedBy("ChildUnit");
        var colleagues = world.RowOwnedBy("Colleague");

        var ids = world.Dataverse.ServiceFor(world.Caller).RetrieveMultiple(new QueryExpression(Table)).Entities.Select(e => e.Id).ToArray();

        Assert.Contains(row, ids);
        Assert.DoesNotContain(colleagues, ids);
        Assert.NotEqual(Guid.Empty, team);
    }

    [Fact]
    public void Execute_CustomApiWithoutItsPrivilege_PrivilegeDenied()
    {
        var world = new World($"prvRead{Table}:Global");
        world.Dataverse.RegisterCustomApi(CalculateDeadlinePlugin.Api);
        var request = new OrganizationRequest(CalculateDeadlinePlugin.ApiName)
        {
            [CalculateDeadlinePlugin.StartParameter] = new DateTime(2026, 2, 13, 9, 0, 0, DateTimeKind.Utc),
            [CalculateDeadlinePlugin.WorkingMinutesParameter] = 60,
        };

        var fault = Assert.Throws<DataverseFaultException>(() => world.Dataverse.ServiceFor(world.Caller).Execute(request));

        Assert.Equal(DataverseErrorCodes.PrivilegeDenied, fault.ErrorCode);
        Assert.Contains("prvReadpcrm_businesscalendar", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SecuredColumnWithoutProfile_AttributePrivilegeCreateIsMissing()
    {
        var world = new World("prvCreateContact:Global");

        var fault = Assert.Throws<DataverseFaultException>(() => world.Dataverse.ServiceFor(world.Caller).Create(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "王",
            [ContactTable.Columns.IdNumber] = "110101199003071234",
        }));

        Assert.Equal(DataverseErrorCodes.AttributePrivilegeCreateIsMissing, fault.ErrorCode);
    }

    [Fact]
    public void AnyOperation_AsAdminOrSystem_NoCheckApplies()
    {
        var world = new World();
        var row = world.RowOwnedBy("SiblingUnit");

        world.Dataverse.Service.Update(new Entity(Table, row) { [UnitTable.Columns.Name] = "管理员 admin" });
        world.Dataverse.ServiceFor(FakeDataverse.SystemUserId).Delete(Table, row);

        Assert.Null(world.Dataverse.Peek(Table, row));
    }

    [Fact]
    public void WhoAmI_UserWithoutRoles_Answers()
    {
        var world = new World();

        var response = world.Dataverse.ServiceFor(world.Caller).Execute(new OrganizationRequest("WhoAmI"));

        Assert.Equal(world.Caller, (Guid)response["UserId"]);
    }

    /// <summary>Root → 华东 East (the caller's unit) → 阳光花园 child; 华南 South is East's sibling.</summary>
    private sealed class World
    {
        private readonly Dictionary<string, Guid> users = new(StringComparer.Ordinal);

        public World(params string[] privileges)
        {
            Dataverse = new FakeDataverse();
            Dataverse.DefineRole("under-test", privileges);
            East = Dataverse.CreateBusinessUnit("华东 East");
            Child = Dataverse.CreateBusinessUnit("阳光花园 Sunshine", East);
            var south = Dataverse.CreateBusinessUnit("华南 South");
            Caller = Dataverse.CreateUser("调用者 caller", East, "under-test");
            users["Self"] = Caller;
            users["Colleague"] = Dataverse.CreateUser("同事 colleague", East);
            users["ChildUnit"] = Dataverse.CreateUser("下级 child", Child);
            users["ParentUnit"] = Dataverse.CreateUser("总部 head office", FakeDataverse.RootBusinessUnitId);
            users["SiblingUnit"] = Dataverse.CreateUser("华南 south", south);
            OwnTeam = Dataverse.CreateTeam("跨单位小组 cross-unit team", south, Array.Empty<string>(), Caller);
        }

        public FakeDataverse Dataverse { get; }

        public Guid East { get; }

        public Guid Child { get; }

        public Guid Caller { get; }

        public Guid OwnTeam { get; }

        public Guid UserOf(string owner) => users[owner];

        public Guid RowOwnedBy(string owner) => Dataverse.Seed(new Entity(Table)
        {
            [UnitTable.Columns.Name] = owner,
            ["ownerid"] = owner == "OwnTeam" ? new EntityReference("team", OwnTeam) : new EntityReference("systemuser", users[owner]),
        });
    }
}
