using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.Harness;

public sealed class ClockTests
{
    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void Clock_New_StartsAtFixedDocumentedInstant()
    {
        Assert.Equal(new DateTime(2025, 1, 6, 1, 0, 0, DateTimeKind.Utc), dataverse.Clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, dataverse.Clock.UtcNow.Kind);
    }

    [Fact]
    public void Clock_AdvanceByAndSetClock_MoveSystemTimestampsAndOperationCreatedOn()
    {
        DateTime? operationCreatedOn = null;
        dataverse.RegisterStep(TestSteps.On("Create", "pcrm_item", PipelineStage.PreOperation, r => operationCreatedOn = r.Context.OperationCreatedOn));

        dataverse.Clock.AdvanceBy(TimeSpan.FromMinutes(90));
        var first = dataverse.Service.Create(new Entity("pcrm_item"));
        Assert.Equal(HarnessClock.DefaultStart.AddMinutes(90), dataverse.Peek("pcrm_item", first)!["createdon"]);
        Assert.Equal(HarnessClock.DefaultStart.AddMinutes(90), operationCreatedOn);

        dataverse.Clock.SetClock(new DateTime(2026, 2, 17, 8, 0, 0, DateTimeKind.Unspecified));
        var second = dataverse.Service.Create(new Entity("pcrm_item"));
        Assert.Equal(new DateTime(2026, 2, 17, 8, 0, 0, DateTimeKind.Utc), dataverse.Peek("pcrm_item", second)!["createdon"]);
        Assert.Equal(new DateTime(2026, 2, 17, 8, 0, 0, DateTimeKind.Utc), operationCreatedOn);
    }

    [Fact]
    public void Clock_AdvanceByNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => dataverse.Clock.AdvanceBy(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Update_AfterClockMoves_ModifiedOnMovesCreatedOnStays()
    {
        var id = dataverse.Service.Create(new Entity("pcrm_item"));
        dataverse.Clock.AdvanceBy(TimeSpan.FromDays(3));

        dataverse.Service.Update(new Entity("pcrm_item", id) { ["pcrm_name"] = "x" });

        var row = dataverse.Peek("pcrm_item", id)!;
        Assert.Equal(HarnessClock.DefaultStart, row["createdon"]);
        Assert.Equal(HarnessClock.DefaultStart.AddDays(3), row["modifiedon"]);
    }
}
