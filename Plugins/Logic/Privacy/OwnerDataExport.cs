using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Plugins.Execution;

namespace PropertyCrm.Plugins.Logic.Privacy;

/// <summary>
/// Everything PropertyCrm holds about one owner, as one JSON document (PIPL art. 45, the data subject's copy): the
/// contact row and each table of <see cref="OwnerDataCatalog.Related"/>, read as the caller (their row access and the
/// field security on the ID number apply: a caller outside "PCRM 敏感个人信息" gets the row without it, as in the app).
/// Calls: 1 read per table (pages of 5,000 when an owner has more), nothing written.
/// </summary>
public sealed class OwnerDataExport
{
    private readonly ExecutionScope scope;

    public OwnerDataExport(ExecutionScope scope)
    {
        this.scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary>The document; refuses (bilingually) an owner that does not exist or the caller cannot read.</summary>
    public string Export(Guid owner)
    {
        var contact = OwnerDataCatalog.Contact;
        var found = Rows(contact, owner, pageSize: 1);
        if (found.Count == 0)
        {
            throw new InvalidPluginExecutionException(
                $"未找到业主 {owner:D}(或您无权查看)。 / No owner {owner:D} was found (or you may not read it).");
        }

        var json = new StringBuilder();
        json.Append("{\"owner\":");
        JsonText.String(json, owner.ToString("D"));
        json.Append(",\"exportedOn\":");
        JsonText.String(json, JsonText.Instant(scope.Now));
        json.Append(",\"contact\":");
        Row(json, contact, found[0]);
        json.Append(",\"tables\":{");
        var first = true;
        foreach (var section in OwnerDataCatalog.Related)
        {
            if (!first)
            {
                json.Append(',');
            }

            first = false;
            JsonText.String(json, section.LogicalName);
            json.Append(":[");
            var rows = Rows(section, owner, QueryPaging.MaxPageSize);
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                Row(json, section, rows[i]);
            }

            json.Append(']');
        }

        json.Append("}}");
        scope.Trace($"pcrm_ExportOwnerData: {owner:D}, {json.Length} characters.");
        return json.ToString();
    }

    private List<Entity> Rows(OwnerDataSection section, Guid owner, int pageSize)
    {
        var query = new QueryExpression(section.LogicalName) { ColumnSet = new ColumnSet(section.Columns) };
        if (section.Through is { } through)
        {
            var link = query.AddLink(through.Table, through.FromColumn, through.ToColumn, JoinOperator.Inner);
            link.LinkCriteria.AddCondition(through.OwnerColumn, ConditionOperator.Equal, owner);
        }
        else
        {
            query.Criteria.AddCondition(section.OwnerColumn, ConditionOperator.Equal, owner);
        }

        query.AddOrder(section.PrimaryId, OrderType.Ascending);
        return new List<Entity>(scope.Service.RetrieveAll(query, pageSize));
    }

    private static void Row(StringBuilder json, OwnerDataSection section, Entity row)
    {
        json.Append("{\"id\":");
        JsonText.String(json, row.Id.ToString("D"));
        foreach (var column in section.Columns)
        {
            if (column == section.PrimaryId || !row.Attributes.TryGetValue(column, out var value))
            {
                continue;
            }

            json.Append(',');
            JsonText.String(json, column);
            json.Append(':');
            JsonText.Value(json, value);
        }

        json.Append('}');
    }
}
