using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.Harness;

/// <summary>The harness's fault injection, store images and async retry, on made-up tables.</summary>
public sealed class FaultInjectionHarnessTests
{
    private const string Table = "new_thing";
    private const string Other = "new_other";

    [Theory]
    [InlineData(InjectedFaultKind.DeadlockVictim, DataverseErrorCodes.GenericSqlError, "Sql Number: 1205")]
    [InlineData(InjectedFaultKind.SqlTimeout, DataverseErrorCodes.SqlTimeout, "Sql Number: -2")]
    [InlineData(InjectedFaultKind.GenericSqlError, DataverseErrorCodes.GenericSqlError, "Generic SQL error")]
    [InlineData(InjectedFaultKind.ServiceProtectionRequests, DataverseErrorCodes.ServiceProtectionRequestsExceeded, "Number of requests exceeded")]
    [InlineData(InjectedFaultKind.ServiceProtectionExecutionTime, DataverseErrorCodes.ServiceProtectionExecutionTimeExceeded, "Combined execution time")]
    [InlineData(InjectedFaultKind.ServiceProtectionConcurrency, DataverseErrorCodes.ServiceProtectionConcurrencyExceeded, "concurrent requests")]
    public void FailCall_SecondCallOfAStep_ThatCallFaultsAndTheRequestRollsBack(InjectedFaultKind kind, int code, string text)
    {
        var dataverse = new FakeDataverse();
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, run =>
        {
            run.Service.Create(new Entity(Other) { ["new_name"] = "first" });
            run.Service.Create(new Entity(Other) { ["new_name"] = "second" });
        }));
        var before = dataverse.CaptureStore();

        dataverse.FailCall(2, kind);
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(code, fault.ErrorCode);
        Assert.Contains(text, fault.Message, StringComparison.Ordinal);
        Assert.True(dataverse.InjectedFaultRaised);
        Assert.Equal(2, dataverse.CallsSinceArmed);
        Assert.Empty(before.Differences(dataverse.CaptureStore()));
        Assert.Equal(kind != InjectedFaultKind.GenericSqlError, InjectedFaults.IsTransient(fault));
    }

    [Fact]
    public void FailCall_StepSwallowsTheFault_TransactionStillRollsBack()
    {
        var dataverse = new FakeDataverse();
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, run =>
        {
            try
            {
                run.Service.Create(new Entity(Other));
            }
            catch (DataverseFaultException)
            {
                // A plug-in that ignores the failure cannot save the transaction: SQL has doomed it.
            }
        }));
        var before = dataverse.CaptureStore();

        dataverse.FailCall(1, InjectedFaultKind.DeadlockVictim);
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(DataverseErrorCodes.TransactionAborted, fault.ErrorCode);
        Assert.Empty(before.Differences(dataverse.CaptureStore()));
    }

    [Fact]
    public void FailCall_Raised_OnlyOnceThenCallsSucceed()
    {
        var dataverse = new FakeDataverse();
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, run => run.Service.Create(new Entity(Other))));
        dataverse.FailCall(1, InjectedFaultKind.SqlTimeout);

        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));
        dataverse.Service.Create(new Entity(Table));

        Assert.Equal(1, dataverse.Count(Table));
        Assert.Equal(1, dataverse.Count(Other));
    }

    [Fact]
    public void RetryFailedAsyncSteps_FailedJob_RunsAgainAndCompletes()
    {
        var dataverse = new FakeDataverse();
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, run => run.Service.Create(new Entity(Other)), ExecutionMode.Asynchronous));
        dataverse.Service.Create(new Entity(Table));
        dataverse.FailCall(1, InjectedFaultKind.DeadlockVictim);

        dataverse.DrainAsyncSteps();
        Assert.Single(dataverse.AsyncFailures);
        Assert.Equal(0, dataverse.Count(Other));

        Assert.Equal(1, dataverse.RetryFailedAsyncSteps());
        dataverse.DrainAsyncSteps();

        Assert.Empty(dataverse.AsyncFailures);
        Assert.Equal(1, dataverse.Count(Other));
    }

    [Fact]
    public void CaptureStore_RowUpdated_DifferencesNameVersionAndValue()
    {
        var dataverse = new FakeDataverse();
        var id = dataverse.Seed(new Entity(Table) { ["new_name"] = "a" });
        var before = dataverse.CaptureStore();

        dataverse.Service.Update(new Entity(Table, id) { ["new_name"] = "b" });

        var differences = before.Differences(dataverse.CaptureStore());
        Assert.Contains(differences, d => d.Contains("version", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("new_name a → b", StringComparison.Ordinal));
    }

    [Fact]
    public void IsTransient_BusinessRefusal_False()
    {
        var refusal = new DataverseFaultException(new OrganizationServiceFault { ErrorCode = DataverseErrorCodes.IsvAborted, Message = "积分不足 / Not enough points." });

        Assert.False(InjectedFaults.IsTransient(refusal));
    }
}
