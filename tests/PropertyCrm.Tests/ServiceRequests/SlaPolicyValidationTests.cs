using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Columns = PropertyCrm.Schema.Tables.SlaPolicyTable.Columns;
using RequestColumns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>The pre-operation validation of admin SLA policies (pcrm_slapolicy) through the real pipeline.</summary>
public sealed class SlaPolicyValidationTests
{
    /// <summary>Column to set on an otherwise valid repair policy, its value, a fragment of the refusal.</summary>
    public static TheoryData<string, object, string> InvalidValues => new()
    {
        { Columns.FirstResponseMinutes, 0, "positive whole number of minutes" },
        { Columns.WarningPercent, 100, "1-99%" },
        { Columns.FirstResponseCalendar, "no-such-calendar", "no-such-calendar" },
        { Columns.Level2AfterMinutes, 90, "level 2" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Create_InvalidValue_RefusedBilinguallyAndNothingSaved(string column, object value, string fragment)
    {
        using var bed = new SlaTestBed();
        var policy = RepairPolicy("报修 60 分钟");
        policy[column] = value;

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(policy));

        Assert.Contains(fragment, fault.Message, StringComparison.Ordinal);
        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
        Assert.Equal(0, bed.Dataverse.Count(SlaPolicyTable.LogicalName));
    }

    [Fact]
    public void Create_NoTargetAtAll_Refused()
    {
        using var bed = new SlaTestBed();
        var policy = RepairPolicy("空策略");
        policy[Columns.FirstResponseMinutes] = null;

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(policy));

        Assert.Contains("defines no target", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameCriteriaAndScopeAsAnActiveRow_RefusedNamingIt()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Create(RepairPolicy("报修 60 分钟"));

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(RepairPolicy("报修 90 分钟")));

        Assert.Contains("报修 60 分钟", fault.Message, StringComparison.Ordinal);
        Assert.Equal(1, bed.Dataverse.Count(SlaPolicyTable.LogicalName));
    }

    [Fact]
    public void Create_SameCriteriaForAProperty_AllowedBesideTheCompanyRow()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Create(RepairPolicy("报修 60 分钟"));
        var forProperty = RepairPolicy("翠湖 报修 45 分钟");
        forProperty[Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property);

        bed.Dataverse.Service.Create(forProperty);

        Assert.Equal(2, bed.Dataverse.Count(SlaPolicyTable.LogicalName));
    }

    [Fact]
    public void Update_OwnRowAgain_NotADuplicateOfItself()
    {
        using var bed = new SlaTestBed();
        var id = bed.Dataverse.Service.Create(RepairPolicy("报修 60 分钟"));

        bed.Dataverse.Service.Update(new Entity(SlaPolicyTable.LogicalName, id) { [Columns.FirstResponseMinutes] = 50 });

        Assert.Equal(50, bed.Dataverse.Row(SlaPolicyTable.LogicalName, id).Get<int?>(Columns.FirstResponseMinutes));
    }

    [Fact]
    public void Update_PolicySaved_ThisWorkersCacheRefreshedAtOnce()
    {
        using var bed = new SlaTestBed();
        var id = bed.Dataverse.Service.Create(RepairPolicy("报修 60 分钟"));
        var first = bed.Log(Type.Repair, "门锁坏了");

        bed.Dataverse.Service.Update(new Entity(SlaPolicyTable.LogicalName, id) { [Columns.FirstResponseMinutes] = 30 });
        var second = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("2025-01-06T10:00:00+08:00", bed.Local(first, RequestColumns.FirstResponseDueOn));
        Assert.Equal("2025-01-06T09:30:00+08:00", bed.Local(second, RequestColumns.FirstResponseDueOn));
    }

    [Fact]
    public void Load_TwoImportedRowsWithSameCriteria_BothLeftOutAndTraced()
    {
        using var bed = new SlaTestBed();
        bed.Data.SlaPolicy("导入 A", requestType: Type.Repair, firstResponseMinutes: 60);
        bed.Data.SlaPolicy("导入 B", requestType: Type.Repair, firstResponseMinutes: 90);

        var id = bed.Log(Type.Repair, "门锁坏了");

        Assert.Equal("报修 repair", bed.Row(id).GetAttributeValue<string>(RequestColumns.SlaPolicyName));
        Assert.Contains(bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines), l => l.Contains("导入 A', '导入 B", StringComparison.Ordinal));
    }

    private static Entity RepairPolicy(string name) => new(SlaPolicyTable.LogicalName)
    {
        [Columns.Name] = name,
        [Columns.RequestType] = new OptionSetValue(Type.Repair),
        [Columns.FirstResponseMinutes] = 60,
    };
}
