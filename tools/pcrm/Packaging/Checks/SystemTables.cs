using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Columns the validator accepts without seeing them defined in Solution/. Exported Entity.xml files of
/// our own tables list every column, system ones included; a system table (contact, systemuser…) is only
/// exported with the columns the solution adds, so the platform columns our forms, views and steps use
/// are listed here, explicitly, table by table. Add a column here only after checking it exists in the
/// Dataverse table reference (powerapps-docs developer/data-platform/reference/entities/&lt;table&gt;.md).
/// </summary>
internal static class SystemTables
{
    /// <summary>Columns every table has (exports of our custom tables carry them too; listed for system tables).</summary>
    public static readonly IReadOnlySet<string> StandardColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        "createdby", "createdon", "createdonbehalfby", "modifiedby", "modifiedon", "modifiedonbehalfby",
        "ownerid", "owningbusinessunit", "owningteam", "owninguser", "statecode", "statuscode", "versionnumber",
        "importsequencenumber", "overriddencreatedon", "timezoneruleversionnumber", "utcconversiontimezonecode",
        "organizationid", "transactioncurrencyid", "exchangerate",
    };

    /// <summary>Platform tables the solution refers to, with the platform columns it may use on each.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Tables = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Residents and owners are contacts; forms and views show these standard fields.
        ["contact"] = new[]
        {
            "contactid", "fullname", "firstname", "lastname", "middlename", "jobtitle", "emailaddress1", "emailaddress2",
            "telephone1", "telephone2", "mobilephone", "parentcustomerid", "gendercode", "birthdate", "description",
            "address1_composite", "address1_line1", "address1_line2", "address1_city", "address1_stateorprovince",
            "address1_postalcode", "address1_country", "preferredcontactmethodcode", "donotphone", "donotemail",
        },

        // Property-management companies and suppliers are accounts.
        ["account"] = new[]
        {
            "accountid", "name", "accountnumber", "telephone1", "emailaddress1", "websiteurl", "primarycontactid",
            "parentaccountid", "description", "address1_composite", "address1_line1", "address1_city",
            "address1_stateorprovince", "address1_postalcode", "address1_country",
        },

        // The care planner's butler tasks (活动 Task: regarding the owner, due date, owner = the butler), and a care occasion's
        // lookup to its task. Table reference: learn.microsoft.com/power-apps/developer/data-platform/reference/entities/task.
        ["task"] = new[]
        {
            "activityid", "subject", "description", "scheduledstart", "scheduledend", "actualstart", "actualend",
            "actualdurationminutes", "scheduleddurationminutes", "regardingobjectid", "prioritycode", "percentcomplete",
            "category", "subcategory", "activitytypecode", "isregularactivity", "isworkflowcreated",
        },

        // Owner/assignee lookups and the system 1:N relationships every user-owned table gets.
        ["systemuser"] = new[] { "systemuserid", "fullname", "domainname", "internalemailaddress", "businessunitid", "isdisabled" },
        ["team"] = new[] { "teamid", "name", "businessunitid", "teamtype" },
        ["businessunit"] = new[] { "businessunitid", "name", "parentbusinessunitid" },
        ["owner"] = new[] { "ownerid", "name" },
        ["organization"] = new[] { "organizationid", "name" },
        ["transactioncurrency"] = new[] { "transactioncurrencyid", "currencyname", "isocurrencycode", "currencysymbol" },

        // Notes (备注) and their attachments, e.g. a technician's on-site photos on a request's timeline (reference/entities/annotation.md).
        ["annotation"] = new[]
        {
            "annotationid", "objectid", "objecttypecode", "subject", "notetext", "isdocument", "filename", "filesize", "mimetype",
            "documentbody",
        },
    };

    public static bool IsSystemTable(string logicalName) => Tables.ContainsKey(logicalName);

    /// <summary>Allowed platform columns of a system table (standard columns included), or null for a table not listed.</summary>
    public static IReadOnlySet<string>? ColumnsOf(string logicalName) =>
        Tables.TryGetValue(logicalName, out var columns)
            ? new HashSet<string>(columns.Concat(StandardColumns), StringComparer.Ordinal)
            : null;
}
