using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// Reads FetchXML into a QueryExpression the evaluator runs: entity, attribute, all-attributes, order,
/// filter (and/or, nested), condition (FetchXML operator names, value attribute or &lt;value&gt; children),
/// link-entity (from = column of the linked table, to = column of the parent; inner/outer), top, count,
/// page, paging-cookie, distinct, returntotalrecordcount, and aggregate queries.
/// </summary>
internal static class FetchXmlParser
{
    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["ne"] = ConditionOperator.NotEqual,
        ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["yesterday"] = ConditionOperator.Yesterday,
        ["today"] = ConditionOperator.Today,
        ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-seven-days"] = ConditionOperator.Last7Days,
        ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-week"] = ConditionOperator.LastWeek,
        ["this-week"] = ConditionOperator.ThisWeek,
        ["next-week"] = ConditionOperator.NextWeek,
        ["last-month"] = ConditionOperator.LastMonth,
        ["this-month"] = ConditionOperator.ThisMonth,
        ["next-month"] = ConditionOperator.NextMonth,
        ["on"] = ConditionOperator.On,
        ["not-on"] = ConditionOperator.NotOn,
        ["on-or-before"] = ConditionOperator.OnOrBefore,
        ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["last-year"] = ConditionOperator.LastYear,
        ["this-year"] = ConditionOperator.ThisYear,
        ["next-year"] = ConditionOperator.NextYear,
        ["last-x-hours"] = ConditionOperator.LastXHours,
        ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays,
        ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-weeks"] = ConditionOperator.LastXWeeks,
        ["next-x-weeks"] = ConditionOperator.NextXWeeks,
        ["last-x-months"] = ConditionOperator.LastXMonths,
        ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears,
        ["next-x-years"] = ConditionOperator.NextXYears,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes,
        ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
        ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
        ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
        ["eq-userid"] = ConditionOperator.EqualUserId,
        ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["eq-userteams"] = ConditionOperator.EqualUserTeams,
        ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
        ["eq-businessid"] = ConditionOperator.EqualBusinessId,
        ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["contain-values"] = ConditionOperator.ContainValues,
        ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
    };

    public static FetchQuery Parse(string? fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml))
        {
            throw Invalid("The FetchXML is missing.");
        }

        XElement fetch;
        try
        {
            fetch = XElement.Parse(fetchXml);
        }
        catch (XmlException ex)
        {
            throw Invalid("The FetchXML is not well-formed: " + ex.Message);
        }

        if (fetch.Name.LocalName != "fetch")
        {
            throw Invalid("The root element must be <fetch>.");
        }

        var entity = fetch.Element("entity") ?? throw Invalid("<fetch> needs an <entity>.");
        var aggregate = Bool(fetch, "aggregate");
        var query = new QueryExpression(Required(entity, "name"))
        {
            Distinct = Bool(fetch, "distinct"),
            NoLock = Bool(fetch, "no-lock"),
        };
        if (Int(fetch, "top") is { } top)
        {
            query.TopCount = top;
        }

        query.PageInfo = new PagingInfo
        {
            Count = Int(fetch, "count") ?? 0,
            PageNumber = Int(fetch, "page") ?? 0,
            PagingCookie = (string?)fetch.Attribute("paging-cookie"),
            ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
        };

        var result = new FetchQuery(query) { IsAggregate = aggregate };
        ReadEntityChildren(entity, query.EntityName, query.ColumnSet, query.Criteria, query.Orders, query.LinkEntities, null, result, isRoot: true);
        return result;
    }

    private static void ReadEntityChildren(
        XElement element,
        string entityName,
        ColumnSet columns,
        FilterExpression criteria,
        ICollection<OrderExpression> orders,
        ICollection<LinkEntity> links,
        LinkEntity? link,
        FetchQuery result,
        bool isRoot)
    {
        var hasAttributes = false;
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    hasAttributes = true;
                    ReadAttribute(child, entityName, columns, link, result);
                    break;
                case "all-attributes":
                    hasAttributes = true;
                    columns.AllColumns = true;
                    break;
                case "order":
                    ReadOrder(child, orders, result);
                    break;
                case "filter":
                    var filter = ReadFilter(child);
                    if (criteria.Conditions.Count == 0 && criteria.Filters.Count == 0 && criteria.FilterOperator == LogicalOperator.And && filter.FilterOperator == LogicalOperator.And)
                    {
                        criteria.Conditions.AddRange(filter.Conditions);
                        criteria.Filters.AddRange(filter.Filters);
                    }
                    else
                    {
                        criteria.Filters.Add(filter);
                    }

                    break;
                case "link-entity":
                    links.Add(ReadLink(child, entityName, result));
                    break;
                default:
                    throw Invalid($"<{child.Name.LocalName}> is not supported inside <{element.Name.LocalName}>.");
            }
        }

        // FetchXML without attribute elements returns every column of the main entity (none of a link).
        if (isRoot && !hasAttributes && !result.IsAggregate)
        {
            columns.AllColumns = true;
        }
    }

    private static void ReadAttribute(XElement attribute, string entityName, ColumnSet columns, LinkEntity? link, FetchQuery result)
    {
        var name = Required(attribute, "name");
        if (!result.IsAggregate)
        {
            columns.AddColumn(name);
            return;
        }

        var alias = (string?)attribute.Attribute("alias") ?? throw Invalid($"Aggregate attribute '{name}' needs an alias.");
        var function = (string?)attribute.Attribute("aggregate");
        var groupBy = Bool(attribute, "groupby");
        if (function is null && !groupBy)
        {
            throw Invalid($"In an aggregate query, attribute '{name}' must have aggregate= or groupby=\"true\".");
        }

        if (attribute.Attribute("dategrouping") is not null)
        {
            throw DataverseFaultException.Create(DataverseErrorCodes.NotSupported, "dategrouping is not supported by the harness.");
        }

        if (function is not null && function is not ("count" or "countcolumn" or "sum" or "avg" or "min" or "max"))
        {
            throw Invalid($"Unknown aggregate '{function}'.");
        }

        result.AggregateColumns.Add(new AggregateColumn(alias, name, entityName, link, function, groupBy, Bool(attribute, "distinct")));
    }

    private static void ReadOrder(XElement order, ICollection<OrderExpression> orders, FetchQuery result)
    {
        var descending = Bool(order, "descending");
        var alias = (string?)order.Attribute("alias");
        if (result.IsAggregate)
        {
            result.AggregateOrders.Add((alias ?? throw Invalid("Orders of an aggregate query name an alias."), descending));
            return;
        }

        orders.Add(new OrderExpression(Required(order, "attribute"), descending ? OrderType.Descending : OrderType.Ascending));
    }

    private static FilterExpression ReadFilter(XElement element)
    {
        var type = (string?)element.Attribute("type") ?? "and";
        var filter = new FilterExpression(type switch
        {
            "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            _ => throw Invalid($"Filter type '{type}' is not and/or."),
        });
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "condition":
                    filter.Conditions.Add(ReadCondition(child));
                    break;
                case "filter":
                    filter.Filters.Add(ReadFilter(child));
                    break;
                default:
                    throw Invalid($"<{child.Name.LocalName}> is not supported inside <filter>.");
            }
        }

        return filter;
    }

    private static ConditionExpression ReadCondition(XElement element)
    {
        var attribute = Required(element, "attribute");
        var operatorName = Required(element, "operator");
        if (!Operators.TryGetValue(operatorName, out var op))
        {
            throw DataverseFaultException.Create(DataverseErrorCodes.QueryBuilderInvalidConditionOperator, $"Condition operator '{operatorName}' is not supported by the harness.");
        }

        var values = element.Elements("value").Select(v => (object)v.Value).ToList();
        if ((string?)element.Attribute("value") is { } single)
        {
            values.Insert(0, single);
        }

        var condition = new ConditionExpression(attribute, op);
        condition.Values.AddRange(values);
        if ((string?)element.Attribute("entityname") is { } entityName)
        {
            condition.EntityName = entityName;
        }

        return condition;
    }

    private static LinkEntity ReadLink(XElement element, string parentEntity, FetchQuery result)
    {
        var name = Required(element, "name");
        var type = (string?)element.Attribute("link-type") ?? "inner";
        var link = new LinkEntity(
            parentEntity,
            name,
            Required(element, "to"),
            Required(element, "from"),
            type switch
            {
                "inner" => JoinOperator.Inner,
                "outer" => JoinOperator.LeftOuter,
                "exists" => JoinOperator.Exists,
                "in" => JoinOperator.In,
                "any" => JoinOperator.Any,
                "not any" => JoinOperator.NotAny,
                "matchfirstrowusingcrossapply" => JoinOperator.MatchFirstRowUsingCrossApply,
                _ => throw Invalid($"link-type '{type}' is not supported."),
            })
        {
            EntityAlias = (string?)element.Attribute("alias"),
            Columns = new ColumnSet(),
        };
        ReadEntityChildren(element, name, link.Columns, link.LinkCriteria, link.Orders, link.LinkEntities, link, result, isRoot: false);
        return link;
    }

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) ?? throw Invalid($"<{element.Name.LocalName}> needs the '{attribute}' attribute.");

    private static bool Bool(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is "true" or "1";

    private static int? Int(XElement element, string attribute)
    {
        if ((string?)element.Attribute(attribute) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"'{attribute}' must be a whole number, not '{text}'.");
    }

    private static DataverseFaultException Invalid(string message) =>
        DataverseFaultException.Create(DataverseErrorCodes.QueryBuilderDeserializeInvalidNode, message);
}
