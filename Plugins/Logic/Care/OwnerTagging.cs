using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Domain.Tags;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// The owner tag step of the daily care planner: the rules (<see cref="OwnerTagPolicy"/>) over the page's facts decide
/// which rule tags hold; the owner's links to rule tags are brought to that set with at most one Associate (the tags to
/// add) and one Disassociate (the tags to remove) on the native N:N relationship <c>pcrm_contact_pcrm_tag</c>. Only links
/// to active rule tags are ever touched: hand tags stay as staff set them. Idempotent: a link the page already read is
/// never associated again (the platform refuses a duplicate association), so a re-run writes nothing.
/// </summary>
public static class OwnerTagging
{
    /// <summary>The contact columns the tag rules read, on top of the care planner's.</summary>
    public static readonly string[] ContactColumns =
    {
        ContactTable.Columns.Tier,
        ContactTable.Columns.OnTimeRatio,
        ContactTable.Columns.ConsecutiveUnpaidMonths,
        ContactTable.Columns.ElderlyLivingAlone,
    };

    /// <summary>Tags one owner of the page; returns the number of links added or removed.</summary>
    public static int TagOwner(
        IOrganizationService service,
        CarePage page,
        OwnerTagPage tags,
        Entity contact,
        ChinaDate day,
        OwnerTagPolicy policy,
        Action<string> trace)
    {
        var facts = Facts(page, tags, contact, day);
        var holding = policy.Evaluate(facts);
        var current = tags.Links.TryGetValue(contact.Id, out var linked)
            ? linked.Select(tags.Tags.RuleOf).Where(r => r.HasValue).Select(r => r!.Value).ToList()
            : new List<OwnerTagRule>();
        var change = OwnerTagPolicy.Reconcile(holding, current, tags.Tags.Managed);
        if (change.IsEmpty)
        {
            return 0;
        }

        var relationship = new Relationship(TagTable.ManyToMany.Contacts);
        var target = new EntityReference(ContactTable.LogicalName, contact.Id);
        if (change.Add.Count > 0)
        {
            service.Execute(new AssociateRequest { Target = target, Relationship = relationship, RelatedEntities = References(tags.Tags, change.Add) });
        }

        if (change.Remove.Count > 0)
        {
            service.Execute(new DisassociateRequest { Target = target, Relationship = relationship, RelatedEntities = References(tags.Tags, change.Remove) });
        }

        trace($"Owner {contact.Id}: tags +[{string.Join(", ", change.Add.Select(r => OwnerTagCatalog.Of(r).Code))}] −[{string.Join(", ", change.Remove.Select(r => OwnerTagCatalog.Of(r).Code))}].");
        return change.Add.Count + change.Remove.Count;
    }

    private static OwnerTagFacts Facts(CarePage page, OwnerTagPage tags, Entity contact, ChinaDate day)
    {
        page.Households.TryGetValue(contact.Id, out var household);
        var spans = page.Occupancies.TryGetValue(contact.Id, out var found) ? found : new List<OccupancySpan>();
        var recordedMoveIn = DateOnly(contact, ContactTable.Columns.MoveInDate);
        return new OwnerTagFacts(day)
        {
            Stage = OptionValues.Read<LifecycleStage>(contact, ContactTable.Columns.LifecycleStage),
            ChurnRisk = contact.GetAttributeValue<bool?>(ContactTable.Columns.ChurnRisk) == true,
            Tier = OptionValues.Read<OwnerTier>(contact, ContactTable.Columns.Tier),
            OnTimeRatio = contact.GetAttributeValue<decimal?>(ContactTable.Columns.OnTimeRatio),
            InArrears = (contact.GetAttributeValue<int?>(ContactTable.Columns.ConsecutiveUnpaidMonths) ?? 0) > 0,
            MoveInOn = Residence.Derive(spans, recordedMoveIn, day).MoveInOn,
            BirthDate = DateOnly(household, HouseholdTable.Columns.BirthDate) ?? DateOnly(contact, ContactTable.Columns.BirthDate),
            NewbornOn = DateOnly(household, HouseholdTable.Columns.NewbornOn),
            Members = tags.Members.TryGetValue(contact.Id, out var members) ? members : Array.Empty<HouseholdMemberFact>(),
            IsTenant = tags.Tenants.Contains(contact.Id),
            Requests = page.Requests.TryGetValue(contact.Id, out var requests) ? requests : Array.Empty<ServiceRequestFact>(),
            CheckIns = tags.CheckIns.TryGetValue(contact.Id, out var checkIns) ? checkIns : Array.Empty<ChinaDate>(),
            Suggestions = tags.Suggestions.TryGetValue(contact.Id, out var made) ? made : Array.Empty<ChinaDate>(),
            AdoptedSuggestions = tags.Adopted.TryGetValue(contact.Id, out var adopted) ? adopted : Array.Empty<ChinaDate>(),
        };
    }

    private static EntityReferenceCollection References(RuleTags tags, IEnumerable<OwnerTagRule> rules) =>
        new(rules.Select(r => new EntityReference(TagTable.LogicalName, tags.IdOf(r))).ToList());

    private static ChinaDate? DateOnly(Entity? row, string column) =>
        row?.GetAttributeValue<DateTime?>(column) is DateTime value ? FeeMapping.ToDate(value) : null;
}
