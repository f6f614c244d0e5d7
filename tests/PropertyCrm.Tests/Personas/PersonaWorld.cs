using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Dispatch;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// A company with two properties, each its own child business unit under the root: 阳光花园 Sunshine Garden (where
/// the personas work) and 翠湖苑 Jade Lake (another property they must not reach). Each property's master data
/// (property, unit, owners) is owned by its service-centre team, as an admin would set it up. Staff hold the shipped
/// roles from Solution/Roles; the quality analyst and the admin sit in the root unit, as head-office staff do.
/// The 客服主管 supervisor holds the Agent role: there is no supervisor role, and the README names the supervisor the
/// property's customer-service lead who receives level-1 escalations.
/// </summary>
internal sealed class PersonaWorld : DataverseTestBase, IDisposable
{
    public const string AgentRole = "PCRM 客服专员 Agent";
    public const string TechnicianRole = "PCRM 维修工程师 Technician";
    public const string ManagerRole = "PCRM 项目经理 Property Manager";
    public const string QualityRole = "PCRM 品质部 Quality Analyst";
    public const string AdminRole = "PCRM 管理员 Admin";

    private readonly IDisposable slaCache = SlaConfigurationCache.Isolate();
    private readonly IDisposable loyaltyCache = LoyaltyConfigurationCache.Isolate();
    private readonly IDisposable dispatchCache = DispatchRuleCache.Isolate();

    public PersonaWorld()
    {
        Sunshine = Dataverse.CreateBusinessUnit("阳光花园 Sunshine Garden");
        JadeLake = Dataverse.CreateBusinessUnit("翠湖苑 Jade Lake");
        SunshineDesk = Dataverse.CreateTeam("阳光花园服务中心 Sunshine service centre", Sunshine, Array.Empty<string>());
        JadeDesk = Dataverse.CreateTeam("翠湖苑服务中心 Jade Lake service centre", JadeLake, Array.Empty<string>());

        Agent = Dataverse.CreateUser("客服 张敏 Agent", Sunshine, AgentRole);
        Supervisor = Dataverse.CreateUser("客服主管 李强 Supervisor", Sunshine, AgentRole);
        Technician = Dataverse.CreateUser("维修 刘工 Technician", Sunshine, TechnicianRole);
        OtherTechnician = Dataverse.CreateUser("维修 陈工 Technician", Sunshine, TechnicianRole);
        Manager = Dataverse.CreateUser("项目经理 王磊 Property manager", Sunshine, ManagerRole);
        Analyst = Dataverse.CreateUser("品质部 赵敏 Quality analyst", FakeDataverse.RootBusinessUnitId, QualityRole);
        Admin = Dataverse.CreateUser("管理员 孙丽 Admin", FakeDataverse.RootBusinessUnitId, AdminRole);
        JadeAgent = Dataverse.CreateUser("客服 周婷 Agent", JadeLake, AgentRole);

        SunshineProperty = Owned(Property("阳光花园 Sunshine Garden", Supervisor, Manager), SunshineDesk);
        JadeProperty = Owned(Property("翠湖苑 Jade Lake", null, null), JadeDesk);
        SunshineUnit = Owned(new Entity(UnitTable.LogicalName)
        {
            [UnitTable.Columns.Name] = "3-1-802",
            [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, SunshineProperty),
        }, SunshineDesk);
        SunshineOwner = Owned(DataProducer.NewOwner(), SunshineDesk);
        JadeOwner = Owned(DataProducer.NewOwner(), JadeDesk);
    }

    public Guid Sunshine { get; }

    public Guid JadeLake { get; }

    public Guid SunshineDesk { get; }

    public Guid JadeDesk { get; }

    public Guid Agent { get; }

    public Guid Supervisor { get; }

    public Guid Technician { get; }

    public Guid OtherTechnician { get; }

    public Guid Manager { get; }

    public Guid Analyst { get; }

    public Guid Admin { get; }

    public Guid JadeAgent { get; }

    public Guid SunshineProperty { get; }

    public Guid JadeProperty { get; }

    public Guid SunshineUnit { get; }

    public Guid SunshineOwner { get; }

    public Guid JadeOwner { get; }

    public IOrganizationService As(Guid user) => Dataverse.ServiceFor(user);

    /// <summary>Seeds a row owned by a team (its rows sit in the team's business unit).</summary>
    public Guid Owned(Entity row, Guid team)
    {
        row[Requests.OwnerId] = new EntityReference(PlatformTables.Team, team);
        return Dataverse.Seed(row);
    }

    /// <summary>A repair request logged through the service as <paramref name="agent"/>.</summary>
    public Guid LogRepair(Guid agent, Guid property, Guid owner, string title) => As(agent).Create(new Entity(ServiceRequestTable.LogicalName)
    {
        [Requests.Name] = title,
        [Requests.RequestType] = new OptionSetValue(Choices.RequestType.Repair),
        [Requests.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
        [Requests.Property] = new EntityReference(PropertyTable.LogicalName, property),
        [Requests.Contact] = new EntityReference(ContactTable.LogicalName, owner),
    });

    /// <summary>The ids of the rows of a table the user's query returns.</summary>
    public Guid[] Visible(Guid user, string table) =>
        As(user).RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities.Select(e => e.Id).ToArray();

    /// <summary>Asserts the call is refused with the platform's security fault code.</summary>
    public static DataverseFaultException Refused(int errorCode, Action act)
    {
        var fault = Assert.Throws<DataverseFaultException>(act);
        Assert.Equal(errorCode, fault.ErrorCode);
        return fault;
    }

    public void Dispose()
    {
        dispatchCache.Dispose();
        loyaltyCache.Dispose();
        slaCache.Dispose();
    }

    private static Entity Property(string name, Guid? supervisor, Guid? manager)
    {
        var row = new Entity(PropertyTable.LogicalName) { [PropertyTable.Columns.Name] = name };
        if (supervisor.HasValue)
        {
            row[PropertyTable.Columns.Supervisor] = new EntityReference(PlatformTables.SystemUser, supervisor.Value);
        }

        if (manager.HasValue)
        {
            row[PropertyTable.Columns.PropertyManager] = new EntityReference(PlatformTables.SystemUser, manager.Value);
        }

        return row;
    }
}
