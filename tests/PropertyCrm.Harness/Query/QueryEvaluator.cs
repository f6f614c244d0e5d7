using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// Runs QueryExpression, QueryByAttribute and FetchXML against the row store: joins, filters, orders,
/// distinct, top, paging with Dataverse's cookies and limits. Evaluation holds the store's gate and never
/// waits: rows other transactions hold are read in their last committed version (read committed snapshot).
/// </summary>
internal sealed partial class QueryEvaluator
{
    /// <summary>Dataverse's default and largest page (and largest "top").</summary>
    public const int MaxPageSize = 5000;

    private readonly FakeDataverse dataverse;

    public QueryEvaluator(FakeDataverse dataverse)
    {
        this.dataverse = dataverse;
    }

    public string EntityNameOf(QueryBase query) => query switch
    {
        QueryExpression qe => qe.EntityName ?? throw Faults.InvalidArgument("QueryExpression.EntityName is required."),
        QueryByAttribute qa => qa.EntityName ?? throw Faults.InvalidArgument("QueryByAttribute.EntityName is required."),
        FetchExpression fe => FetchXmlParser.Parse(fe.Query).Query.EntityName,
        _ => throw Faults.NotSupported($"Query type {query?.GetType().Name} is not supported."),
    };

    /// <param name="readable">The caller's read depth (security): rows it rejects are invisible, on every table of the query.</param>
    public EntityCollection Execute(QueryBase query, Transaction? transaction, ExecutionRecord? record, Guid userId = default, Func<StoredRow, bool>? readable = null)
    {
        switch (query)
        {
            case QueryExpression expression:
                return ExecuteExpression(expression, transaction, record, userId, null, readable);
            case QueryByAttribute byAttribute:
                return ExecuteExpression(ToExpression(byAttribute), transaction, record, userId, null, readable);
            case FetchExpression fetch:
                var parsed = FetchXmlParser.Parse(fetch.Query);
                return ExecuteExpression(parsed.Query, transaction, record, userId, parsed.IsAggregate ? parsed : null, readable);
            default:
                throw Faults.NotSupported($"Query type {query?.GetType().Name} is not supported.");
        }
    }

    /// <summary>The alias of every link-entity: its EntityAlias, or "{table}{n}" numbered in query order as Dataverse names them.</summary>
    public static Dictionary<LinkEntity, string> AliasesOf(QueryExpression query)
    {
        var aliases = new Dictionary<LinkEntity, string>(ReferenceEqualityComparer.Instance);
        var n = 0;
        void Visit(IEnumerable<LinkEntity> links)
        {
            foreach (var link in links)
            {
                n++;
                aliases[link] = string.IsNullOrEmpty(link.EntityAlias) ? link.LinkToEntityName + n : link.EntityAlias;
                Visit(link.LinkEntities);
            }
        }

        Visit(query.LinkEntities);
        return aliases;
    }

    private static QueryExpression ToExpression(QueryByAttribute byAttribute)
    {
        if (byAttribute.Attributes.Count == 0 || byAttribute.Attributes.Count != byAttribute.Values.Count)
        {
            throw Faults.InvalidArgument("QueryByAttribute needs at least one attribute and one value per attribute.");
        }

        var query = new QueryExpression(byAttribute.EntityName)
        {
            ColumnSet = byAttribute.ColumnSet ?? new ColumnSet(),
            PageInfo = byAttribute.PageInfo ?? new PagingInfo(),
            TopCount = byAttribute.TopCount,
        };
        for (var i = 0; i < byAttribute.Attributes.Count; i++)
        {
            var value = byAttribute.Values[i];
            query.Criteria.Conditions.Add(value is null
                ? new ConditionExpression(byAttribute.Attributes[i], ConditionOperator.Null)
                : new ConditionExpression(byAttribute.Attributes[i], ConditionOperator.Equal, value));
        }

        query.Orders.AddRange(byAttribute.Orders);
        return query;
    }

    private EntityCollection ExecuteExpression(
        QueryExpression query,
        Transaction? transaction,
        ExecutionRecord? record,
        Guid userId,
        FetchQuery? aggregate,
        Func<StoredRow,
        bool>? readable)
    {
        if (string.IsNullOrEmpty(query.EntityName))
        {
            throw Faults.InvalidArgument("The query has no entity name.");
        }

        var aliases = AliasesOf(query);
        if (aggregate is null)
        {
            CountAllColumns(query, record);
        }

        var evaluator = new ConditionEvaluator(dataverse.Clock.UtcNow, userId, dataverse.BusinessUnitOf(userId), dataverse.Security.Principals.TeamsOf(userId));
        var store = dataverse.Store;
        lock (store.Gate)
        {
            var rows = Join(query, aliases, transaction, evaluator, readable);
            rows = rows.Where(r => Matches(query.Criteria, r, null, aliases, evaluator)).ToList();
            if (aggregate is not null)
            {
                return AggregateEvaluator.Evaluate(aggregate, rows, aliases);
            }

            return Shape(query, rows, aliases);
        }
    }

    private void CountAllColumns(QueryExpression query, ExecutionRecord? record)
    {
        var all = query.ColumnSet?.AllColumns == true;
        void Visit(IEnumerable<LinkEntity> links)
        {
            foreach (var link in links)
            {
                all |= link.Columns?.AllColumns == true;
                Visit(link.LinkEntities);
            }
        }

        Visit(query.LinkEntities);
        if (all)
        {
            dataverse.CountAllColumns(record);
        }
    }
}
