using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// A parsed FetchXML query: everything but aggregation maps onto a QueryExpression (evaluated by the
/// same code); aggregate queries also carry their aggregate columns and alias orders.
/// </summary>
internal sealed class FetchQuery
{
    public FetchQuery(QueryExpression query)
    {
        Query = query;
    }

    public QueryExpression Query { get; }

    public bool IsAggregate { get; init; }

    public List<AggregateColumn> AggregateColumns { get; } = new();

    public List<(string Alias, bool Descending)> AggregateOrders { get; } = new();
}

/// <summary>An attribute of an aggregate query: a group-by column or an aggregate function over a column.</summary>
internal sealed record AggregateColumn(string Alias, string Attribute, string EntityName, LinkEntity? Link, string? Function, bool GroupBy, bool Distinct);
