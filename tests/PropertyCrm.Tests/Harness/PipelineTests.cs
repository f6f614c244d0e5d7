using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.Harness;

public sealed class PipelineTests
{
    private const string Table = "pcrm_request";

    private readonly FakeDataverse dataverse = new();

    [Fact]
    public void Create_StepsInSeveralStagesAndRanks_RunInStageThenRankOrder()
    {
        var order = new List<string>();
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r => order.Add("40")))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => order.Add("20 rank 2"), rank: 2))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => order.Add("20 rank 1"), rank: 1))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreValidation, r => order.Add("10")))
            .RegisterStep(TestSteps.On("Create", "contact", PipelineStage.PreOperation, r => order.Add("other table")));

        dataverse.Service.Create(new Entity(Table));

        Assert.Equal(new[] { "10", "20 rank 1", "20 rank 2", "40" }, order);
    }

    [Fact]
    public void Create_PreOperationChangesTarget_SavedWithoutExtraWrite()
    {
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => r.Target["pcrm_number"] = "SR-0001"));

        var id = dataverse.Service.Create(new Entity(Table) { ["pcrm_title"] = "漏水" });

        Assert.Equal("SR-0001", dataverse.Peek(Table, id)!["pcrm_number"]);
        Assert.Equal(0, dataverse.LastExecution.PluginCalls.Total);
    }

    [Fact]
    public void Create_PostOperation_SeesNewIdOnTargetAndOutput()
    {
        Guid targetId = default, outputId = default, contextId = default;
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r =>
        {
            targetId = r.Target.Id;
            outputId = (Guid)r.Context.OutputParameters["id"];
            contextId = r.Context.PrimaryEntityId;
        }));

        var id = dataverse.Service.Create(new Entity(Table));

        Assert.Equal(new[] { id, id, id }, new[] { targetId, outputId, contextId });
    }

    [Fact]
    public void Update_ImagesRegisteredWithAttributes_ContainOnlyThoseAttributes()
    {
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_title"] = "旧", ["pcrm_priority"] = new OptionSetValue(1), ["pcrm_note"] = "n" });
        Entity? pre = null, post = null;
        dataverse.RegisterStep(new StepDeclaration(typeof(ActionPlugin), "Update", Table, PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            UnsecureConfiguration = PluginActions.Add(r =>
            {
                pre = r.Context.PreEntityImages["pre"];
                post = r.Context.PostEntityImages["post"];
            }),
            Images = new[] { new StepImage("pre", ImageType.PreImage, "pcrm_title"), new StepImage("post", ImageType.PostImage, "pcrm_title", "pcrm_priority") },
        });

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_title"] = "新" });

        Assert.Equal(new[] { "pcrm_title" }, pre!.Attributes.Keys);
        Assert.Equal("旧", pre["pcrm_title"]);
        Assert.Equal(new[] { "pcrm_priority", "pcrm_title" }, post!.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("新", post["pcrm_title"]);
        Assert.Equal(id, pre.Id);
    }

    [Fact]
    public void Create_PostImage_IsTheCreatedRowNamedByItsId()
    {
        Entity? post = null;
        dataverse.RegisterStep(new StepDeclaration(typeof(ActionPlugin), "Create", Table, PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            UnsecureConfiguration = PluginActions.Add(r => post = r.Context.PostEntityImages["post"]),
            Images = new[] { new StepImage("post", ImageType.PostImage, "pcrm_title") },
        });

        var id = dataverse.Service.Create(new Entity(Table) { ["pcrm_title"] = "漏水" });

        Assert.Equal(id, post!.Id);
        Assert.Equal("漏水", post["pcrm_title"]);
    }

    [Fact]
    public void RegisterStep_PostImageOnPreOperation_IsRejected()
    {
        var step = new StepDeclaration(typeof(ActionPlugin), "Update", Table, PipelineStage.PreOperation, ExecutionMode.Synchronous)
        {
            UnsecureConfiguration = PluginActions.Add(_ => { }),
            Images = new[] { new StepImage("post", ImageType.PostImage, "pcrm_title") },
        };

        Assert.Throws<ArgumentException>(() => dataverse.RegisterStep(step));
    }

    [Fact]
    public void Update_FilteringAttributes_RunStepOnlyWhenTargetHasOne()
    {
        var runs = 0;
        dataverse.RegisterStep(new StepDeclaration(typeof(ActionPlugin), "Update", Table, PipelineStage.PostOperation, ExecutionMode.Synchronous)
        {
            UnsecureConfiguration = PluginActions.Add(_ => runs++),
            FilteringAttributes = new[] { "pcrm_priority" },
        });
        var id = dataverse.Seed(new Entity(Table));

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_title"] = "x" });
        Assert.Equal(0, runs);

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_priority"] = new OptionSetValue(2) });
        Assert.Equal(1, runs);
    }

    [Fact]
    public void SetState_UpdateStepRegistered_FiresWithStateInTarget()
    {
        var id = dataverse.Seed(new Entity(Table));
        Entity? seen = null;
        string? message = null;
        dataverse.RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreOperation, r => { seen = r.Target; message = r.Context.MessageName; }));

        dataverse.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Table, id), State = new OptionSetValue(1), Status = new OptionSetValue(2) });

        Assert.Equal("Update", message);
        Assert.Equal(1, seen!.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(2, dataverse.Peek(Table, id)!.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Create_SyncPostStepThrows_RollsBackMainOtherStepsAndNestedWrites()
    {
        var existing = dataverse.Seed(new Entity("contact") { ["fullname"] = "业主" });
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => r.Service.Create(new Entity("pcrm_log") { ["pcrm_text"] = "pre" })))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r => r.Service.Update(new Entity("contact", existing) { ["fullname"] = "改名" })))
            .RegisterStep(TestSteps.On("Create", "pcrm_log", PipelineStage.PostOperation, r => r.Service.Create(new Entity("pcrm_audit"))))
            .RegisterStep(TestSteps.On<OtherActionPlugin>("Create", Table, PipelineStage.PostOperation, r => throw new InvalidPluginExecutionException("拒绝 / refused")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Equal("拒绝 / refused", fault.Message);
        Assert.Equal(0, dataverse.Count(Table));
        Assert.Equal(0, dataverse.Count("pcrm_log"));
        Assert.Equal(0, dataverse.Count("pcrm_audit"));
        Assert.Equal("业主", dataverse.Peek("contact", existing)!["fullname"]);
    }

    [Fact]
    public void Create_PluginCatchesNestedFault_TransactionStillRollsBack()
    {
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r =>
        {
            r.Service.Create(new Entity("pcrm_log"));
            try
            {
                r.Service.Delete("contact", Guid.NewGuid());
            }
            catch (DataverseFaultException)
            {
                // Swallowed: Dataverse still dooms the transaction.
            }
        }));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(DataverseErrorCodes.TransactionAborted, fault.ErrorCode);
        Assert.Equal(0, dataverse.Count(Table));
        Assert.Equal(0, dataverse.Count("pcrm_log"));
    }

    [Fact]
    public void Create_PreValidationWritesThenMainFails_PreValidationWritesStay()
    {
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreValidation, r =>
            {
                Assert.False(r.Context.IsInTransaction);
                r.Service.Create(new Entity("pcrm_log"));
            }))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => throw new InvalidPluginExecutionException("no")));

        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(1, dataverse.Count("pcrm_log"));
    }

    [Fact]
    public void Create_StepThrowsOtherException_FaultsUnexpectedKeepingInner()
    {
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => throw new InvalidOperationException("boom")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(DataverseErrorCodes.Unexpected, fault.ErrorCode);
        Assert.IsType<InvalidOperationException>(fault.InnerException);
    }

    [Fact]
    public void Update_StepUpdatesItsOwnRowForever_StopsAtDepth8WithInfiniteLoopFault()
    {
        var depths = new ConcurrentBag<int>();
        var id = dataverse.Seed(new Entity(Table) { ["pcrm_counter"] = 0 });
        dataverse.RegisterStep(TestSteps.On("Update", Table, PipelineStage.PostOperation, r =>
        {
            depths.Add(r.Context.Depth);
            r.Service.Update(new Entity(Table, id) { ["pcrm_counter"] = r.Context.Depth });
        }));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(Table, id) { ["pcrm_counter"] = 0 }));

        Assert.Equal(DataverseErrorCodes.SdkCorrelationTokenDepthTooHigh, fault.ErrorCode);
        Assert.Equal(Enumerable.Range(1, 8), depths.OrderBy(d => d));
        Assert.Equal(0, dataverse.Peek(Table, id)!["pcrm_counter"]);
    }

    [Fact]
    public void Create_NestedCalls_ShareCorrelationAndSeeParentContext()
    {
        IPluginExecutionContext? outer = null, inner = null;
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r =>
            {
                outer = r.Context;
                r.Context.SharedVariables["fromParent"] = 42;
                r.Service.Create(new Entity("pcrm_log"));
            }))
            .RegisterStep(TestSteps.On("Create", "pcrm_log", PipelineStage.PreOperation, r => inner = r.Context));

        dataverse.Service.Create(new Entity(Table));

        Assert.Equal(1, outer!.Depth);
        Assert.Equal(2, inner!.Depth);
        Assert.Equal(outer.CorrelationId, inner.CorrelationId);
        // inner (stage 20) → its Create's PreValidation-level context → the calling step's context.
        Assert.Equal("Create", inner.ParentContext.MessageName);
        Assert.Equal("pcrm_log", inner.ParentContext.PrimaryEntityName);
        Assert.Same(outer, inner.ParentContext.ParentContext);
        Assert.Equal(42, inner.ParentContext.ParentContext.SharedVariables["fromParent"]);
        Assert.False(inner.SharedVariables.Contains("fromParent"));
        Assert.Null(outer.ParentContext.ParentContext);
        Assert.True(outer.IsInTransaction);
        Assert.Equal(HarnessClock.DefaultStart, outer.OperationCreatedOn);
    }

    [Fact]
    public void Create_PreValidationSharedVariables_ReachLaterStagesThroughParentContext()
    {
        object? throughParent = null;
        bool? direct = null;
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreValidation, r => r.Context.SharedVariables["key"] = "from 10"))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r =>
            {
                direct = r.Context.SharedVariables.Contains("key");
                throughParent = r.Context.ParentContext.SharedVariables["key"];
            }));

        dataverse.Service.Create(new Entity(Table));

        Assert.False(direct);
        Assert.Equal("from 10", throughParent);
    }

    [Fact]
    public void Create_PreOperationSharedVariables_PassDirectlyToPostOperation()
    {
        object? seen = null;
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r => r.Context.SharedVariables["key"] = "from 20"))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r => seen = r.Context.SharedVariables["key"]));

        dataverse.Service.Create(new Entity(Table));

        Assert.Equal("from 20", seen);
    }

    [Fact]
    public void Update_TopLevelPreOperation_ParentContextIsSameMessageAtPreValidation()
    {
        var id = dataverse.Seed(new Entity(Table));
        IPluginExecutionContext? pre = null, validation = null;
        dataverse
            .RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreValidation, r => validation = r.Context))
            .RegisterStep(TestSteps.On("Update", Table, PipelineStage.PreOperation, r => pre = r.Context));

        dataverse.Service.Update(new Entity(Table, id) { ["pcrm_text"] = "x" });

        Assert.Null(validation!.ParentContext);
        var parent = pre!.ParentContext;
        Assert.NotNull(parent);
        Assert.Equal("Update", parent.MessageName);
        Assert.Equal(Table, parent.PrimaryEntityName);
        Assert.Equal(10, parent.Stage);
        Assert.Equal(1, parent.Depth);
        Assert.Null(parent.ParentContext);
    }

    [Fact]
    public void Create_AsyncStep_RunsOnlyAfterCommitWhenDrained()
    {
        IPluginExecutionContext? asyncContext = null;
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r =>
        {
            asyncContext = r.Context;
            r.Service.Create(new Entity("pcrm_log") { ["pcrm_text"] = "async" });
        }, ExecutionMode.Asynchronous));

        var id = dataverse.Service.Create(new Entity(Table));

        Assert.Null(asyncContext);
        Assert.Equal(1, dataverse.PendingAsyncSteps);
        Assert.Equal(1, dataverse.DrainAsyncSteps());
        Assert.Equal(1, asyncContext!.Mode);
        Assert.False(asyncContext.IsInTransaction);
        Assert.Equal(id, asyncContext.PrimaryEntityId);
        Assert.Equal(1, dataverse.Count("pcrm_log"));
        Assert.True(dataverse.LastExecution.IsAsyncStep);
        Assert.Equal(1, dataverse.LastExecution.PluginCalls.Create);
    }

    [Fact]
    public void Create_RolledBack_AsyncStepNeverQueued()
    {
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, _ => { }, ExecutionMode.Asynchronous))
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("no")));

        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(0, dataverse.PendingAsyncSteps);
    }

    [Fact]
    public void DrainAsyncSteps_StepFails_FailureRecordedNotThrown()
    {
        dataverse.RegisterStep(TestSteps.On(
            "Create",
            Table,
            PipelineStage.PostOperation,
            _ => throw new InvalidPluginExecutionException("async broke"),
            ExecutionMode.Asynchronous));

        var id = dataverse.Service.Create(new Entity(Table));
        var ran = dataverse.DrainAsyncSteps();

        Assert.Equal(1, ran);
        Assert.NotNull(dataverse.Peek(Table, id));
        var failure = Assert.Single(dataverse.AsyncFailures);
        Assert.Equal("async broke", failure.Exception.Message);
        Assert.Equal(typeof(ActionPlugin), failure.Step.PluginType);
    }

    [Fact]
    public void Create_StepWithRunAsUser_UserIdIsRunAsAndInitiatingIsCaller()
    {
        var caller = dataverse.CreateUser("客服");
        var serviceAccount = dataverse.CreateUser("集成账号");
        IPluginExecutionContext? seen = null;
        Guid createdBy = default;
        dataverse.RegisterStep(TestSteps.On("Create", Table, PipelineStage.PostOperation, r =>
        {
            seen = r.Context;
            var log = r.Service.Create(new Entity("pcrm_log"));
            createdBy = r.Service.Retrieve("pcrm_log", log, new ColumnSet("createdby")).GetAttributeValue<EntityReference>("createdby").Id;
        }), runAsUserId: serviceAccount);

        dataverse.ServiceFor(caller).Create(new Entity(Table));

        Assert.Equal(serviceAccount, seen!.UserId);
        Assert.Equal(caller, seen.InitiatingUserId);
        Assert.Equal(serviceAccount, createdBy);
    }

    [Fact]
    public void RegisteredStep_ManyCallsOnManyThreads_PluginConstructedOnce()
    {
        var step = TestSteps.On("Create", Table, PipelineStage.PreOperation, _ => { });
        dataverse.RegisterStep(step);

        System.Threading.Tasks.Parallel.For(0, 20, _ => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal(1, PluginActions.ConstructionsOf(step));
        Assert.Equal(20, dataverse.Count(Table));
    }

    [Fact]
    public void Create_CallBudget_CountsPluginCallsPerRequestAndPerPlugin()
    {
        var contact = dataverse.Seed(new Entity("contact"));
        dataverse
            .RegisterStep(TestSteps.On("Create", Table, PipelineStage.PreOperation, r =>
            {
                r.Tracing.Trace("reading {0}", "contact");
                r.Service.Retrieve("contact", contact, new ColumnSet("fullname"));
            }))
            .RegisterStep(TestSteps.On<OtherActionPlugin>("Create", Table, PipelineStage.PostOperation, r =>
            {
                r.Service.RetrieveMultiple(new QueryExpression("pcrm_log") { ColumnSet = new ColumnSet("pcrm_text") });
                r.Service.Create(new Entity("pcrm_log"));
            }));

        dataverse.Service.Create(new Entity(Table));
        var calls = dataverse.LastExecution.PluginCalls;

        Assert.Equal(3, calls.Total);
        Assert.Equal(2, calls.Reads);
        Assert.Equal(1, calls.Writes);
        Assert.Equal(1, calls.By<ActionPlugin>().Retrieve);
        Assert.Equal(0, calls.By<ActionPlugin>().Create);
        Assert.Equal(1, calls.By("OtherActionPlugin").RetrieveMultiple);
        Assert.Equal(3, dataverse.PluginCalls.Total);

        var trace = dataverse.LastExecution.Traces.First(t => t.PluginType == typeof(ActionPlugin));
        Assert.Equal(new[] { "reading contact" }, trace.Lines);
        Assert.Equal(20, trace.Stage);
        Assert.Equal("Create", trace.MessageName);
    }
}
