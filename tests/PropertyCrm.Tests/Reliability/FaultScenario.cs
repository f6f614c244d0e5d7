using System;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// One operation of the catalog under fault injection: how to arrange its data in a fresh <see cref="ScenarioBed"/> and
/// what to do. Synchronous and asynchronous scenarios return the act (for an asynchronous one, the request whose commit
/// queues the step; the step's system job is the operation under test); a sweep returns its first request, which the
/// runner repeats with the continuation token until no records are left. A scenario that <see cref="Refuses"/> expects
/// the operation to be refused with a bilingual message even without a fault (the guards).
/// </summary>
internal sealed class FaultScenario
{
    private FaultScenario(string name, OperationKind kind, Func<ScenarioBed, Action>? act, Func<ScenarioBed, Func<OrganizationRequest>>? sweep, bool refuses)
    {
        Name = name;
        Kind = kind;
        ArrangeAct = act;
        ArrangeSweep = sweep;
        Refuses = refuses;
    }

    public string Name { get; }

    public OperationKind Kind { get; }

    public bool Refuses { get; }

    public Func<ScenarioBed, Action>? ArrangeAct { get; }

    public Func<ScenarioBed, Func<OrganizationRequest>>? ArrangeSweep { get; }

    public static FaultScenario Synchronous(string name, Func<ScenarioBed, Action> arrange) => new(name, OperationKind.Synchronous, arrange, null, false);

    public static FaultScenario Refused(string name, Func<ScenarioBed, Action> arrange) => new(name, OperationKind.Synchronous, arrange, null, true);

    public static FaultScenario Asynchronous(string name, Func<ScenarioBed, Action> arrange) => new(name, OperationKind.Asynchronous, arrange, null, false);

    public static FaultScenario Sweep(string name, Func<ScenarioBed, Func<OrganizationRequest>> arrange) => new(name, OperationKind.Sweep, null, arrange, false);

    public override string ToString() => Name;
}
