using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Tags;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// The owner tag step inside one call of the care planner: the rule tags are ensured once per call (on the first page),
/// each page reads its tag facts (<see cref="OwnerTagPage"/>), each owner is tagged (<see cref="OwnerTagging"/>) and their
/// 独居老人 flag is checked against the household (<see cref="LivingAloneFlag.Repair"/>: a write only when it drifted).
/// Kept apart from the task planning so the two evolve separately.
/// </summary>
public sealed class OwnerTagStep
{
    private readonly IOrganizationService service;
    private readonly OwnerTagPolicy policy;
    private readonly ChinaDate day;
    private readonly Action<string> trace;
    private RuleTags? ruleTags;
    private OwnerTagPage? page;

    public OwnerTagStep(IOrganizationService service, OwnerTagPolicy policy, ChinaDate day, Action<string> trace)
    {
        this.service = service;
        this.policy = policy;
        this.day = day;
        this.trace = trace;
    }

    /// <summary>Links added or removed in this call.</summary>
    public int Changed { get; private set; }

    public void ReadPage(CarePage carePage)
    {
        if (carePage.Owners.Count == 0)
        {
            this.page = null;
            return;
        }

        this.ruleTags ??= RuleTags.Ensure(this.service, this.trace);
        this.page = OwnerTagPage.Read(this.service, carePage, this.ruleTags, this.day, this.policy.Rules);
    }

    /// <summary>Tags one owner of the page last read; returns the links added or removed.</summary>
    public int Tag(CarePage carePage, Entity contact)
    {
        if (this.page is null)
        {
            return 0;
        }

        var changed = OwnerTagging.TagOwner(this.service, carePage, this.page, contact, this.day, this.policy, this.trace);
        carePage.Households.TryGetValue(contact.Id, out var household);
        if (LivingAloneFlag.Repair(this.service, contact, household, this.trace))
        {
            changed++;
        }

        Changed += changed;
        return changed;
    }
}
