using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Service;

/// <summary>
/// What Dataverse's platform checks on a written row before it reaches SQL, driven by the shipped Solution/
/// (<see cref="ColumnRules"/>): unknown columns, value types, string length, number range and precision, choice
/// values, state/status pairs, lookup targets, date-only columns, alternate-key uniqueness. Business-required is a
/// form rule and is not checked. Tables the solution does not define stay lenient.
/// </summary>
internal static class RowValidator
{
    /// <summary>Dataverse's smallest date-time: 1/1/1753 12:00 AM.</summary>
    public static readonly DateTime MinDate = new(1753, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Checks the columns a request sets (<paramref name="given"/>) and brings <paramref name="row"/> (what will be
    /// stored) to what Dataverse stores: decimals rounded to the column's precision, the new state's default status
    /// when only statecode is set.
    /// </summary>
    public static void Validate(string table, Guid id, IEnumerable<KeyValuePair<string, object>> given, Dictionary<string, object> row)
    {
        var rules = ColumnRules.For(table);
        if (rules is null)
        {
            return;
        }

        var setState = false;
        var setStatus = false;
        foreach (var pair in given)
        {
            var column = pair.Key;
            object? value = pair.Value;
            if (rules.IsUnknown(column))
            {
                throw Faults.UnknownColumn(table, column);
            }

            setState |= column == "statecode" && value is not null;
            setStatus |= column == "statuscode" && value is not null;
            if (value is not null && rules.Columns.TryGetValue(column, out var rule))
            {
                Check(rule, value, row);
            }
        }

        if (setState || setStatus)
        {
            CheckStatus(rules, id, setState, setStatus, row);
        }
    }

    /// <summary>
    /// Refuses the row when another row of the table has the same values for an alternate key whose columns the
    /// request set (SQL's unique index behind each EntityKey; a key with a null column is not enforced).
    /// </summary>
    /// <param name="others">The table's rows that may hold a key's values (any state): all of them, or the store's
    /// index candidates for one of the key's columns (<see cref="RowStore.KeyCandidates"/>).</param>
    public static void CheckKeys(string table, Guid id, IEnumerable<string> changed, IReadOnlyDictionary<string, object> row, Func<IReadOnlyList<string>, object?[], IEnumerable<StoredRow>> others)
    {
        var rules = ColumnRules.For(table);
        if (rules is null || rules.Keys.Count == 0)
        {
            return;
        }

        var touched = new HashSet<string>(changed, StringComparer.Ordinal);
        // Read the table only when a key column changes (an update of other columns checks nothing).
        foreach (var key in rules.Keys.Where(k => k.Columns.Any(touched.Contains)))
        {
            var values = key.Columns.Select(c => row.TryGetValue(c, out var v) ? v : null).ToArray();
            if (values.Any(v => v is null))
            {
                continue;
            }

            var candidates = others(key.Columns, values).Where(o => o.Id != id && !o.IsDeleted);
            if (candidates.Any(o => key.Columns.Select((c, i) => ValueComparer.AreEqual(o.Attributes.TryGetValue(c, out var v) ? v : null, values[i])).All(same => same)))
            {
                throw Faults.DuplicateKey(table, key.Name, "(" + string.Join(", ", values.Select(ValueComparer.ToText)) + ")");
            }
        }
    }

    /// <summary>KeyAttributes must name exactly one of the table's defined keys (tables the solution defines).</summary>
    public static void CheckKeyColumns(string table, IEnumerable<string> columns)
    {
        var rules = ColumnRules.For(table);
        var named = columns.ToArray();
        if (rules is not null && !rules.Keys.Any(k => k.Matches(named)))
        {
            throw Faults.UndefinedKey(table, named);
        }
    }

    private static void Check(ColumnRule rule, object value, Dictionary<string, object> row)
    {
        switch (rule.Kind)
        {
            case ColumnKind.String or ColumnKind.Memo:
                var text = value as string ?? throw Faults.WrongType(rule.Table, rule.Name, "a string", value);
                if (rule.MaxLength is { } max && text.Length > max)
                {
                    throw Faults.TooLong(rule.Table, rule.Name, max);
                }

                break;
            case ColumnKind.WholeNumber:
                CheckRange(rule, value is int i ? i : throw Faults.WrongType(rule.Table, rule.Name, "an int", value));
                break;
            case ColumnKind.Decimal:
                var number = value is decimal d ? d : throw Faults.WrongType(rule.Table, rule.Name, "a decimal", value);
                CheckRange(rule, number);
                row[rule.Name] = Round(rule, number);
                break;
            case ColumnKind.Money:
                var money = value as Money ?? throw Faults.WrongType(rule.Table, rule.Name, "Money", value);
                CheckRange(rule, money.Value);
                row[rule.Name] = new Money(Round(rule, money.Value));
                break;
            case ColumnKind.YesNo:
                _ = value is bool ? value : throw Faults.WrongType(rule.Table, rule.Name, "a bool", value);
                break;
            case ColumnKind.Choice or ColumnKind.State or ColumnKind.Status:
                var option = value as OptionSetValue ?? throw Faults.WrongType(rule.Table, rule.Name, "OptionSetValue", value);
                if (rule.Options is { } options && !options.Contains(option.Value))
                {
                    throw Faults.InvalidChoice(rule.Table, rule.Name, option.Value);
                }

                break;
            case ColumnKind.Lookup or ColumnKind.Owner or ColumnKind.Customer:
                var reference = value as EntityReference ?? throw Faults.WrongType(rule.Table, rule.Name, "EntityReference", value);
                if (rule.Targets is { } targets && !targets.Contains((reference.LogicalName ?? string.Empty).ToLowerInvariant()))
                {
                    throw Faults.InvalidLookupTarget(rule.Table, rule.Name, reference.LogicalName ?? "(none)", targets);
                }

                break;
            case ColumnKind.DateTime:
                var date = value is DateTime t ? t : throw Faults.WrongType(rule.Table, rule.Name, "a DateTime", value);
                if (date < MinDate)
                {
                    throw Faults.InvalidDate(rule.Table, rule.Name, date, "earlier than 1/1/1753");
                }

                if (rule.DateOnly && date.TimeOfDay != TimeSpan.Zero)
                {
                    throw Faults.InvalidDate(rule.Table, rule.Name, date, "a Date Only column keeps 12:00 AM; pass the date without a time part");
                }

                break;
            case ColumnKind.PrimaryKey:
                _ = value is Guid ? value : throw Faults.WrongType(rule.Table, rule.Name, "a Guid", value);
                break;
        }
    }

    private static void CheckRange(ColumnRule rule, decimal value)
    {
        if ((rule.MinValue is { } min && value < min) || (rule.MaxValue is { } max && value > max))
        {
            throw Faults.OutOfRange(rule.Table, rule.Name, value, rule.MinValue, rule.MaxValue);
        }
    }

    // Dataverse stores decimal and money columns at the column's precision (SQL rounds half away from zero).
    private static decimal Round(ColumnRule rule, decimal value) =>
        rule.Precision is { } places and >= 0 and <= 28 ? Math.Round(value, places, MidpointRounding.AwayFromZero) : value;

    private static void CheckStatus(TableRules rules, Guid id, bool setState, bool setStatus, Dictionary<string, object> row)
    {
        if (!rules.Columns.TryGetValue("statecode", out var stateRule) || !rules.Columns.TryGetValue("statuscode", out var statusRule))
        {
            return;
        }

        var state = row.TryGetValue("statecode", out var s) && s is OptionSetValue sv ? sv.Value : 0;
        if (setState && !setStatus)
        {
            // SetState/Update with statecode alone: the platform picks the state's default status reason.
            if (stateRule.StatePairs is { } defaults && defaults.TryGetValue(state, out var status))
            {
                row["statuscode"] = new OptionSetValue(status);
            }

            return;
        }

        if (row.TryGetValue("statuscode", out var st) && st is OptionSetValue statusValue
            && statusRule.StatePairs is { } pairs && pairs.TryGetValue(statusValue.Value, out var owningState) && owningState != state)
        {
            throw Faults.InvalidStatus(rules.LogicalName, id, state, statusValue.Value);
        }
    }
}
