using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Tags;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// The rule tags (<c>pcrm_tag</c> rows with a rule code), found by their code. A managed solution cannot ship rows, so
/// the care planner creates a rule tag that is missing (<see cref="Ensure"/>) on its first run, with the catalog's names
/// and class; after that the row is the admin's to rename or translate (the planner never writes it again) or to
/// deactivate, which switches the rule off: an inactive rule tag is neither added nor removed. Tags without a rule code
/// are hand tags: the planner never reads or touches them. Calls: 1 read; 1 write per missing rule tag (12 the first time).
/// </summary>
public sealed class RuleTags
{
    private readonly Dictionary<OwnerTagRule, Guid> active;

    private RuleTags(Dictionary<OwnerTagRule, Guid> active, IReadOnlyCollection<Guid> allIds)
    {
        this.active = active;
        AllIds = allIds;
    }

    /// <summary>Every rule tag's id, active or not: the links the planner may look at.</summary>
    public IReadOnlyCollection<Guid> AllIds { get; }

    /// <summary>The rules whose tag is active: the ones the planner manages.</summary>
    public IEnumerable<OwnerTagRule> Managed => this.active.Keys;

    public Guid IdOf(OwnerTagRule rule) => this.active[rule];

    /// <summary>The rule of an active rule tag id, null for any other tag.</summary>
    public OwnerTagRule? RuleOf(Guid tagId)
    {
        foreach (var pair in this.active)
        {
            if (pair.Value == tagId)
            {
                return pair.Key;
            }
        }

        return null;
    }

    public static RuleTags Ensure(IOrganizationService service, Action<string> trace)
    {
        var query = new QueryExpression(TagTable.LogicalName) { ColumnSet = new ColumnSet(TagTable.Columns.RuleCode, TagTable.Columns.StateCode) };
        query.Criteria.AddCondition(TagTable.Columns.RuleCode, ConditionOperator.NotNull);
        query.AddOrder(TagTable.PrimaryId, OrderType.Ascending);
        var rows = service.RetrieveAll(query).ToList();

        var byRule = new Dictionary<OwnerTagRule, Entity>();
        foreach (var row in rows)
        {
            var definition = OwnerTagCatalog.ByCode(row.GetAttributeValue<string>(TagTable.Columns.RuleCode));
            if (definition is null)
            {
                trace($"Tag {row.Id} has the unknown rule code '{row.GetAttributeValue<string>(TagTable.Columns.RuleCode)}': left alone.");
            }
            else if (byRule.ContainsKey(definition.Rule))
            {
                trace($"Tag {row.Id} repeats the rule code '{definition.Code}' of tag {byRule[definition.Rule].Id}: the first one is used.");
            }
            else
            {
                byRule[definition.Rule] = row;
            }
        }

        var active = new Dictionary<OwnerTagRule, Guid>();
        var all = new List<Guid>(rows.Select(r => r.Id));
        foreach (var definition in OwnerTagCatalog.All)
        {
            if (byRule.TryGetValue(definition.Rule, out var row))
            {
                if ((row.GetAttributeValue<OptionSetValue>(TagTable.Columns.StateCode)?.Value ?? 0) == 0)
                {
                    active[definition.Rule] = row.Id;
                }

                continue;
            }

            var id = service.Create(new Entity(TagTable.LogicalName)
            {
                [TagTable.Columns.Name] = definition.ChineseName,
                [TagTable.Columns.EnglishName] = definition.EnglishName,
                [TagTable.Columns.TagClass] = OptionValues.ToOption(definition.Class),
                [TagTable.Columns.RuleCode] = definition.Code,
            });
            trace($"Rule tag {definition.Code} ({definition.ChineseName} / {definition.EnglishName}) created: {id}.");
            active[definition.Rule] = id;
            all.Add(id);
        }

        return new RuleTags(active, all);
    }
}
