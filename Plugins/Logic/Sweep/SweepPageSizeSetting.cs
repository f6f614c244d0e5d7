using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Schema;
using Definition = PropertyCrm.Plugins.Mapping.PlatformTables.EnvironmentVariableDefinition;
using Value = PropertyCrm.Plugins.Mapping.PlatformTables.EnvironmentVariableValue;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The page size an admin set in the environment variable <see cref="EnvironmentVariables.SlaSweepPageSize"/>: its
/// current value, else its default value, read in one query (definition with its value outer-joined). Anything
/// missing or not a whole number gives <see cref="SlaSweep.DefaultPageSize"/>; values are kept within 1–5,000.
/// </summary>
public static class SweepPageSizeSetting
{
    public static int Read(IOrganizationService service)
    {
        Guard.NotNull(service, nameof(service));

        var query = new QueryExpression(Definition.LogicalName)
        {
            ColumnSet = new ColumnSet(Definition.DefaultValue),
            TopCount = 1,
        };
        query.Criteria.AddCondition(Definition.SchemaName, ConditionOperator.Equal, EnvironmentVariables.SlaSweepPageSize);
        var link = query.AddLink(Value.LogicalName, Definition.PrimaryId, Value.Definition, JoinOperator.LeftOuter);
        link.EntityAlias = Value.Alias;
        link.Columns = new ColumnSet(Value.Value);

        var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        var current = row?.GetAttributeValue<AliasedValue>(Value.Alias + "." + Value.Value)?.Value as string;
        return Parse(current) ?? Parse(row?.GetAttributeValue<string>(Definition.DefaultValue)) ?? SlaSweep.DefaultPageSize;
    }

    /// <summary>A page size from text: null when blank or not a positive whole number; capped at <see cref="SlaSweep.MaxPageSize"/>.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            || number < 1 || number != decimal.Truncate(number))
        {
            return null;
        }

        return number > SlaSweep.MaxPageSize ? SlaSweep.MaxPageSize : (int)number;
    }
}
