using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Framework;

/// <summary>How PluginBase turns what a step throws into what the caller sees, and its guard against misregistration.</summary>
public sealed class PluginBaseTests
{
    private const string Table = "contact";

    [Fact]
    public void Execute_InvalidPluginExecutionException_ReachesCallerUnchanged()
    {
        var dataverse = Register(ThrowingPlugin.Throws(() => new InvalidPluginExecutionException("原样 / as is")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal("原样 / as is", fault.Message);
        Assert.IsType<InvalidPluginExecutionException>(fault.InnerException);
    }

    [Fact]
    public void Execute_DomainException_BecomesItsBilingualMessage()
    {
        var dataverse = Register(ThrowingPlugin.Throws(() => new DomainException("x.rule", "规则 / rule")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.Equal("规则 / rule", fault.Message);
        Assert.Contains(dataverse.Traces, t => t.Lines.Any(l => l.EndsWith("Refused by rule x.rule: 规则 / rule", StringComparison.Ordinal)));
    }

    [Fact]
    public void Execute_UnexpectedException_WrappedWithInnerKept()
    {
        var dataverse = Register(ThrowingPlugin.Throws(() => new FormatException("bad")));

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        var wrapped = Assert.IsType<InvalidPluginExecutionException>(fault.InnerException);
        Assert.IsType<FormatException>(wrapped.InnerException);
        Assert.Contains("bad", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_TraceLines_CarryElapsedMilliseconds()
    {
        var dataverse = Register(ThrowingPlugin.Throws(() => new InvalidPluginExecutionException("x")));

        Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity(Table)));

        Assert.All(dataverse.Traces[0].Lines, line => Assert.Matches(@"^\[\+\d+\.\d ms\] ", line));
    }

    [Fact]
    public void Execute_EventNotInCatalog_DoesNothing()
    {
        // ThrowingPlugin is registered in the harness but PluginCatalog declares no step for it, so the base
        // class's guard must stop it: a step registered by hand on an undeclared event never runs its logic.
        var dataverse = new FakeDataverse().RegisterStep(new StepDeclaration(typeof(UndeclaredPlugin), "Create", Table, PipelineStage.PreOperation, ExecutionMode.Synchronous));

        dataverse.Service.Create(new Entity(Table));

        Assert.Contains(dataverse.Traces, t => t.Lines.Any(l => l.Contains("not declared for this event", StringComparison.Ordinal)));
    }

    [Fact]
    public void Execute_RequiredImageNotRegistered_RefusedBeforeHandler()
    {
        // The catalog declares the cancellation step's pre-image as required; registered by hand without it, the
        // base class refuses the event with one bilingual message instead of running the rules on nothing.
        var declared = RedemptionCancellationPlugin.OnUpdate;
        var withoutImage = new StepDeclaration(declared.PluginType, declared.Message, declared.PrimaryEntity, declared.Stage, declared.Mode)
        {
            FilteringAttributes = declared.FilteringAttributes,
        };
        var dataverse = new FakeDataverse();
        var id = dataverse.Service.Create(new Entity(RedemptionTable.LogicalName));
        dataverse.RegisterStep(withoutImage);

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(
            new Entity(RedemptionTable.LogicalName, id) { [RedemptionTable.Columns.StatusCode] = new OptionSetValue(2) }));

        Assert.Contains("缺少前映像 'redemption'", fault.Message, StringComparison.Ordinal);
        Assert.Contains("has no 'redemption' pre-image", fault.Message, StringComparison.Ordinal);
    }

    private static FakeDataverse Register(StepDeclaration step) => new FakeDataverse().RegisterStep(step);

    /// <summary>A plug-in whose guard is bypassed by declaring itself; throws what the test asks.</summary>
    private sealed class ThrowingPlugin : PluginBase
    {
        [ThreadStatic]
        private static Func<Exception>? next;

        public ThrowingPlugin(string? unsecure, string? secure)
            : base(unsecure, secure)
        {
        }

        private static readonly StepDeclaration Step = new(typeof(ThrowingPlugin), SdkMessageName.Create, Table, PipelineStage.PreOperation, ExecutionMode.Synchronous)
        {
            Handler = _ => throw next!(),
        };

        public static StepDeclaration Throws(Func<Exception> exception)
        {
            next = exception;
            return Step;
        }

        protected override IReadOnlyList<StepDeclaration> DeclaredSteps => new[] { Step };
    }

    private sealed class UndeclaredPlugin : PluginBase
    {
        public UndeclaredPlugin(string? unsecure, string? secure)
            : base(unsecure, secure)
        {
        }
    }
}
