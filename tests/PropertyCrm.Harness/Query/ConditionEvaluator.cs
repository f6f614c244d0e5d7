using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// Evaluates one condition with SQL semantics: a null column satisfies only Null (and the negated
/// operators that Dataverse turns into IS NULL checks do not exist: "ne" excludes nulls, as in Dataverse).
/// Date operators relative to "now" use the harness clock, in UTC.
/// </summary>
internal sealed class ConditionEvaluator
{
    private readonly DateTime now;
    private readonly Guid userId;
    private readonly Guid businessUnitId;
    private readonly IReadOnlyCollection<Guid> userTeams;

    public ConditionEvaluator(DateTime now, Guid userId, Guid businessUnitId, IReadOnlyCollection<Guid>? userTeams = null)
    {
        this.now = now;
        this.userId = userId;
        this.businessUnitId = businessUnitId;
        this.userTeams = userTeams ?? Array.Empty<Guid>();
    }

    public bool Evaluate(ConditionExpression condition, object? value)
    {
        var values = Flatten(condition.Values);
        var op = condition.Operator;
        switch (op)
        {
            case ConditionOperator.Null:
                return value is null;
            case ConditionOperator.NotNull:
                return value is not null;
        }

        if (value is null)
        {
            return false;
        }

        var today = now.Date;
        switch (op)
        {
            case ConditionOperator.Equal:
                return ValueComparer.Compare(value, Single(condition, values)) == 0;
            case ConditionOperator.NotEqual:
                return ValueComparer.Compare(value, Single(condition, values)) != 0;
            case ConditionOperator.GreaterThan:
                return ValueComparer.Compare(value, Single(condition, values)) > 0;
            case ConditionOperator.GreaterEqual:
                return ValueComparer.Compare(value, Single(condition, values)) >= 0;
            case ConditionOperator.LessThan:
                return ValueComparer.Compare(value, Single(condition, values)) < 0;
            case ConditionOperator.LessEqual:
                return ValueComparer.Compare(value, Single(condition, values)) <= 0;
            case ConditionOperator.In:
                return values.Any(v => ValueComparer.Compare(value, v) == 0);
            case ConditionOperator.NotIn:
                return values.All(v => ValueComparer.Compare(value, v) != 0);
            case ConditionOperator.Between:
                return Between(condition, values, value);
            case ConditionOperator.NotBetween:
                return !Between(condition, values, value);
            case ConditionOperator.Like:
                return Like(Text(value), Text(Single(condition, values)));
            case ConditionOperator.NotLike:
                return !Like(Text(value), Text(Single(condition, values)));
            case ConditionOperator.BeginsWith:
                return Text(value).StartsWith(Text(Single(condition, values)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.DoesNotBeginWith:
                return !Text(value).StartsWith(Text(Single(condition, values)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.EndsWith:
                return Text(value).EndsWith(Text(Single(condition, values)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.DoesNotEndWith:
                return !Text(value).EndsWith(Text(Single(condition, values)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.Contains:
                return Text(value).IndexOf(Text(Single(condition, values)), StringComparison.OrdinalIgnoreCase) >= 0;
            case ConditionOperator.DoesNotContain:
                return Text(value).IndexOf(Text(Single(condition, values)), StringComparison.OrdinalIgnoreCase) < 0;
            case ConditionOperator.EqualUserId:
                return ValueComparer.Compare(value, userId) == 0;
            case ConditionOperator.NotEqualUserId:
                return ValueComparer.Compare(value, userId) != 0;
            case ConditionOperator.EqualUserTeams:
                return userTeams.Any(t => ValueComparer.Compare(value, t) == 0);
            case ConditionOperator.EqualUserOrUserTeams:
                return ValueComparer.Compare(value, userId) == 0 || userTeams.Any(t => ValueComparer.Compare(value, t) == 0);
            case ConditionOperator.EqualBusinessId:
                return ValueComparer.Compare(value, businessUnitId) == 0;
            case ConditionOperator.NotEqualBusinessId:
                return ValueComparer.Compare(value, businessUnitId) != 0;
            case ConditionOperator.ContainValues:
                return Choices(value).Any(c => values.Any(v => ValueComparer.Compare(c, v) == 0));
            case ConditionOperator.DoesNotContainValues:
                return !Choices(value).Any(c => values.Any(v => ValueComparer.Compare(c, v) == 0));
        }

        var date = Date(value, condition);
        switch (op)
        {
            case ConditionOperator.On:
                return date.Date == ParameterDate(condition, values).Date;
            case ConditionOperator.NotOn:
                return date.Date != ParameterDate(condition, values).Date;
            case ConditionOperator.OnOrBefore:
                return date.Date <= ParameterDate(condition, values).Date;
            case ConditionOperator.OnOrAfter:
                return date.Date >= ParameterDate(condition, values).Date;
            case ConditionOperator.Today:
                return date.Date == today;
            case ConditionOperator.Yesterday:
                return date.Date == today.AddDays(-1);
            case ConditionOperator.Tomorrow:
                return date.Date == today.AddDays(1);
            case ConditionOperator.Last7Days:
                return date >= today.AddDays(-7) && date <= now;
            case ConditionOperator.Next7Days:
                return date >= now && date < today.AddDays(8);
            case ConditionOperator.LastXHours:
                return date >= now.AddHours(-Count(condition, values)) && date <= now;
            case ConditionOperator.NextXHours:
                return date >= now && date <= now.AddHours(Count(condition, values));
            case ConditionOperator.LastXDays:
                return date >= today.AddDays(-Count(condition, values)) && date <= now;
            case ConditionOperator.NextXDays:
                return date >= now && date < today.AddDays(Count(condition, values) + 1);
            case ConditionOperator.LastXWeeks:
                return date >= today.AddDays(-7 * Count(condition, values)) && date <= now;
            case ConditionOperator.NextXWeeks:
                return date >= now && date < today.AddDays((7 * Count(condition, values)) + 1);
            case ConditionOperator.LastXMonths:
                return date >= today.AddMonths(-Count(condition, values)) && date <= now;
            case ConditionOperator.NextXMonths:
                return date >= now && date < today.AddMonths(Count(condition, values)).AddDays(1);
            case ConditionOperator.LastXYears:
                return date >= today.AddYears(-Count(condition, values)) && date <= now;
            case ConditionOperator.NextXYears:
                return date >= now && date < today.AddYears(Count(condition, values)).AddDays(1);
            case ConditionOperator.OlderThanXMinutes:
                return date < now.AddMinutes(-Count(condition, values));
            case ConditionOperator.OlderThanXHours:
                return date < now.AddHours(-Count(condition, values));
            case ConditionOperator.OlderThanXDays:
                return date < now.AddDays(-Count(condition, values));
            case ConditionOperator.OlderThanXWeeks:
                return date < now.AddDays(-7 * Count(condition, values));
            case ConditionOperator.OlderThanXMonths:
                return date < now.AddMonths(-Count(condition, values));
            case ConditionOperator.OlderThanXYears:
                return date < now.AddYears(-Count(condition, values));
            case ConditionOperator.ThisMonth:
                return date.Year == today.Year && date.Month == today.Month;
            case ConditionOperator.LastMonth:
                return SameMonth(date, today.AddMonths(-1));
            case ConditionOperator.NextMonth:
                return SameMonth(date, today.AddMonths(1));
            case ConditionOperator.ThisYear:
                return date.Year == today.Year;
            case ConditionOperator.LastYear:
                return date.Year == today.Year - 1;
            case ConditionOperator.NextYear:
                return date.Year == today.Year + 1;
            default:
                throw DataverseFaultException.Create(
                    DataverseErrorCodes.QueryBuilderInvalidConditionOperator,
                    $"The harness does not support condition operator {op} (attribute '{condition.AttributeName}'). " +
                    "Week, fiscal-period, hierarchy, team and mask operators need organisation settings it does not model.");
        }
    }

    private static bool SameMonth(DateTime value, DateTime month) => value.Year == month.Year && value.Month == month.Month;

    // ConditionExpression(attr, In, new[] {…}) via the params overload puts the array in as one value.
    internal static IReadOnlyList<object?> Flatten(IEnumerable<object> values)
    {
        var list = new List<object?>();
        foreach (var value in values)
        {
            if (value is IEnumerable sequence and not string and not byte[])
            {
                list.AddRange(sequence.Cast<object?>());
            }
            else
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static object? Single(ConditionExpression condition, IReadOnlyList<object?> values)
    {
        if (values.Count != 1)
        {
            throw DataverseFaultException.Create(
                DataverseErrorCodes.QueryBuilderInvalidValue,
                $"Condition {condition.Operator} on '{condition.AttributeName}' needs exactly one value, got {values.Count}.");
        }

        return values[0];
    }

    private static bool Between(ConditionExpression condition, IReadOnlyList<object?> values, object value)
    {
        if (values.Count != 2)
        {
            throw DataverseFaultException.Create(
                DataverseErrorCodes.QueryBuilderInvalidValue,
                $"Condition {condition.Operator} on '{condition.AttributeName}' needs two values, got {values.Count}.");
        }

        return ValueComparer.Compare(value, values[0]) >= 0 && ValueComparer.Compare(value, values[1]) <= 0;
    }

    private static int Count(ConditionExpression condition, IReadOnlyList<object?> values) =>
        Convert.ToInt32(Single(condition, values), CultureInfo.InvariantCulture);

    private static DateTime ParameterDate(ConditionExpression condition, IReadOnlyList<object?> values) =>
        Single(condition, values) switch
        {
            DateTime d => d,
            string s => (DateTime)ValueComparer.Parse(s, DateTime.MinValue),
            var other => throw DataverseFaultException.Create(
                DataverseErrorCodes.QueryBuilderInvalidValue,
                $"{condition.Operator} on '{condition.AttributeName}' needs a date, not {other?.GetType().Name}."),
        };

    private static DateTime Date(object value, ConditionExpression condition) =>
        value is DateTime d
            ? d
            : throw DataverseFaultException.Create(
                DataverseErrorCodes.QueryBuilderInvalidValue,
                $"{condition.Operator} applies to date columns; '{condition.AttributeName}' holds {value.GetType().Name}.");

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => ValueComparer.ToText(value),
    };

    private static IEnumerable<object> Choices(object value) => value switch
    {
        OptionSetValueCollection c => c.Select(o => (object)o.Value),
        OptionSetValue o => new object[] { o.Value },
        _ => new[] { value },
    };

    /// <summary>SQL LIKE: % any run, _ one character, [abc] a set; case-insensitive.</summary>
    internal static bool Like(string value, string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end > i)
                    {
                        var set = pattern.Substring(i + 1, end - i - 1);
                        regex.Append('[').Append(set.StartsWith("^", StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                        i = end;
                    }
                    else
                    {
                        regex.Append(Regex.Escape("["));
                    }

                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append('$');
        return Regex.IsMatch(value, regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
