using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Logic.Dispatch;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// One fresh organization for one run of a fault scenario: the catalog's steps, private configuration caches (so every
/// run starts cold and makes the same calls), repeatable ids, and a property with its escalation recipients.
/// </summary>
internal sealed class ScenarioBed : DataverseTestBase, IDisposable
{
    private readonly IDisposable slaCache = SlaConfigurationCache.Isolate();
    private readonly IDisposable loyaltyCache = LoyaltyConfigurationCache.Isolate();
    private readonly IDisposable dispatchCache = DispatchRuleCache.Isolate();

    public ScenarioBed()
    {
        Dataverse.IdGenerator = new SequentialIds().Next;
        Agent = Dataverse.CreateUser("客服 张敏 Agent");
        Technician = Dataverse.CreateUser("维修 刘工 Technician");
        Supervisor = Dataverse.CreateUser("主管 李强 Supervisor");
        Manager = Dataverse.CreateUser("项目经理 王磊 Manager");
        QualityTeam = Data.Team("品质部 Quality");
        Property = Data.Property("翠湖花园 Emerald Lake", Supervisor, Manager, QualityTeam);
        Unit = Dataverse.Seed(new Entity(UnitTable.LogicalName)
        {
            [UnitTable.Columns.Name] = "3-1-802",
            [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, Property),
        });
    }

    public Guid Agent { get; }

    public Guid Technician { get; }

    public Guid Supervisor { get; }

    public Guid Manager { get; }

    public Guid QualityTeam { get; }

    public Guid Property { get; }

    public Guid Unit { get; }

    public void Dispose()
    {
        dispatchCache.Dispose();
        loyaltyCache.Dispose();
        slaCache.Dispose();
    }
}
