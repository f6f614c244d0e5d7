using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

// Which locked rows a query must wait for: only those that could match it (see RowStore).
internal sealed partial class QueryEvaluator
{
    // Which tables the query reads, and which of their locked rows could matter (see RowStore).
    private IReadOnlyList<(string Table, Func<IReadOnlyDictionary<string, object>, bool> MightMatch)> Scans(
        QueryExpression query, Dictionary<LinkEntity, string> aliases, ConditionEvaluator evaluator)
    {
        var scans = new List<(string, Func<IReadOnlyDictionary<string, object>, bool>)>
        {
            (query.EntityName, attributes => MightMatch(query.Criteria, attributes, null, query.EntityName, evaluator) != false),
        };
        foreach (var (link, alias) in aliases)
        {
            var criteria = link.LinkCriteria;
            scans.Add((link.LinkToEntityName, attributes => MightMatch(criteria, attributes, alias, link.LinkToEntityName, evaluator) != false));
        }

        return scans;
    }

    // Three-valued: conditions on other aliases are unknown (null).
    private static bool? MightMatch(FilterExpression? filter, IReadOnlyDictionary<string, object> attributes, string? alias, string logicalName, ConditionEvaluator evaluator)
    {
        if (filter is null)
        {
            return true;
        }

        var results = new List<bool?>();
        foreach (var condition in filter.Conditions)
        {
            var own = string.IsNullOrEmpty(condition.EntityName) || condition.EntityName == alias || (alias is null && condition.EntityName == logicalName);
            if (!own)
            {
                results.Add(null);
                continue;
            }

            try
            {
                results.Add(evaluator.Evaluate(condition, attributes.TryGetValue(condition.AttributeName, out var v) ? v : null));
            }
            catch (DataverseFaultException)
            {
                results.Add(null);
            }
        }

        results.AddRange(filter.Filters.Select(f => MightMatch(f, attributes, alias, logicalName, evaluator)));
        if (filter.FilterOperator == LogicalOperator.Or)
        {
            return results.Count == 0 ? true : results.Any(r => r == true) ? true : results.Any(r => r is null) ? null : false;
        }

        return results.Any(r => r == false) ? false : results.Any(r => r is null) ? null : true;
    }
}
