using System;
using System.Collections.Generic;

namespace PropertyCrm.Harness.Metadata;

/// <summary>
/// Platform tables the solution does not ship but its code writes, with their column rules taken from the Dataverse
/// table reference (not from Solution/, which has no Entity.xml for them). Only tables code creates rows in are here;
/// the rest stay lenient. Each column and value below is as the reference lists it.
/// </summary>
internal static class PlatformTableRules
{
    /// <summary>
    /// Task (<c>task</c>): learn.microsoft.com/power-apps/developer/data-platform/reference/entities/task — user-owned
    /// activity, key <c>activityid</c>, primary name <c>subject</c> (200), description (2,000), scheduledend (due),
    /// regardingobjectid (a lookup to many tables; of those this solution has, contact and account), prioritycode (0 Low,
    /// 1 Normal, 2 High), percentcomplete 0–100, statecode Open 0 / Completed 1 / Canceled 2 with status reasons Not
    /// Started 2, In Progress 3, Waiting on someone else 4, Deferred 7 (Open, default 2), Completed 5, Canceled 6.
    /// </summary>
    public static TableRules Task()
    {
        const string Table = "task";
        var columns = new Dictionary<string, ColumnRule>(StringComparer.Ordinal);
        void Add(ColumnRule rule) => columns[rule.Name] = rule;
        ColumnRule Lookup(string name, params string[] targets) =>
            new(Table, name, ColumnKind.Lookup) { Targets = new HashSet<string>(targets, StringComparer.Ordinal) };

        Add(new ColumnRule(Table, "activityid", ColumnKind.PrimaryKey));
        Add(new ColumnRule(Table, "subject", ColumnKind.String) { MaxLength = 200 });
        Add(new ColumnRule(Table, "description", ColumnKind.Memo) { MaxLength = 2000 });
        Add(new ColumnRule(Table, "category", ColumnKind.String) { MaxLength = 250 });
        Add(new ColumnRule(Table, "subcategory", ColumnKind.String) { MaxLength = 250 });
        foreach (var date in new[] { "scheduledstart", "scheduledend", "actualstart", "actualend", "createdon", "modifiedon", "overriddencreatedon" })
        {
            Add(new ColumnRule(Table, date, ColumnKind.DateTime));
        }

        Add(new ColumnRule(Table, "actualdurationminutes", ColumnKind.WholeNumber) { MinValue = 0, MaxValue = int.MaxValue });
        Add(new ColumnRule(Table, "scheduleddurationminutes", ColumnKind.WholeNumber) { MinValue = 0, MaxValue = int.MaxValue });
        Add(new ColumnRule(Table, "percentcomplete", ColumnKind.WholeNumber) { MinValue = 0, MaxValue = 100 });
        Add(new ColumnRule(Table, "importsequencenumber", ColumnKind.WholeNumber));
        Add(new ColumnRule(Table, "prioritycode", ColumnKind.Choice) { Options = new HashSet<int> { 0, 1, 2 } });
        Add(new ColumnRule(Table, "isregularactivity", ColumnKind.YesNo));
        Add(new ColumnRule(Table, "isworkflowcreated", ColumnKind.YesNo));
        Add(new ColumnRule(Table, "activitytypecode", ColumnKind.Other));
        Add(new ColumnRule(Table, "versionnumber", ColumnKind.Other));
        Add(Lookup("regardingobjectid", "contact", "account"));
        Add(new ColumnRule(Table, "ownerid", ColumnKind.Owner) { Targets = new HashSet<string>(StringComparer.Ordinal) { "systemuser", "team" } });
        Add(Lookup("owningbusinessunit", "businessunit"));
        Add(Lookup("owninguser", "systemuser"));
        Add(Lookup("owningteam", "team"));
        Add(Lookup("createdby", "systemuser"));
        Add(Lookup("modifiedby", "systemuser"));
        Add(Lookup("createdonbehalfby", "systemuser"));
        Add(Lookup("modifiedonbehalfby", "systemuser"));
        Add(new ColumnRule(Table, "statecode", ColumnKind.State)
        {
            Options = new HashSet<int> { 0, 1, 2 },
            StatePairs = new Dictionary<int, int> { [0] = 2, [1] = 5, [2] = 6 },
        });
        Add(new ColumnRule(Table, "statuscode", ColumnKind.Status)
        {
            Options = new HashSet<int> { 2, 3, 4, 7, 5, 6 },
            StatePairs = new Dictionary<int, int> { [2] = 0, [3] = 0, [4] = 0, [7] = 0, [5] = 1, [6] = 2 },
        });
        return new TableRules(Table, isComplete: true, columns, Array.Empty<KeyRule>());
    }

    /// <summary>Task's harness metadata: activities are keyed on activityid and named by their subject.</summary>
    public static TableMetadata TaskMetadata() => new("task", "activityid") { PrimaryNameAttribute = "subject" };
}
