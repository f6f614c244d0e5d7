using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// Checks a Custom API request against its declaration as the platform does before running it, and the
/// plug-in's outputs against the declared response properties after.
/// </summary>
internal static class CustomApiValidator
{
    public static void ValidateRequest(CustomApiDeclaration api, ParameterCollection input)
    {
        var bound = api.BindingType == CustomApiBindingType.Entity;
        if (api.BindingType == CustomApiBindingType.EntityCollection)
        {
            throw Faults.NotSupported($"Custom API {api.UniqueName}: entity-collection binding is not modelled by the harness.");
        }

        if (bound)
        {
            if (!input.TryGetValue("Target", out var target) || target is not EntityReference reference)
            {
                throw DataverseFaultException.Create(
                    DataverseErrorCodes.RequiredFieldMissing,
                    $"Custom API {api.UniqueName} is bound to {api.BoundEntityLogicalName}: the Target parameter (EntityReference) is required.");
            }

            if (!string.Equals(reference.LogicalName, api.BoundEntityLogicalName, StringComparison.Ordinal))
            {
                throw Faults.InvalidArgument($"Custom API {api.UniqueName} is bound to {api.BoundEntityLogicalName}, not {reference.LogicalName}.");
            }
        }

        foreach (var field in api.RequestParameters)
        {
            var present = input.TryGetValue(field.UniqueName, out var value) && value is not null;
            if (!present)
            {
                if (!field.IsOptional)
                {
                    throw DataverseFaultException.Create(
                        DataverseErrorCodes.RequiredFieldMissing,
                        $"Custom API {api.UniqueName}: required parameter '{field.UniqueName}' ({field.Type}) is missing.");
                }

                continue;
            }

            CheckType(api, field, value!, "parameter");
        }

        foreach (var key in input.Keys)
        {
            if (!(bound && key == "Target") && !api.RequestParameters.Any(p => p.UniqueName == key))
            {
                throw Faults.InvalidArgument($"Custom API {api.UniqueName} has no request parameter '{key}'.");
            }
        }
    }

    public static void ValidateResponse(CustomApiDeclaration api, ParameterCollection output)
    {
        foreach (var pair in output)
        {
            var field = api.ResponseProperties.FirstOrDefault(p => p.UniqueName == pair.Key)
                ?? throw Faults.InvalidArgument($"Custom API {api.UniqueName}: the plug-in set output '{pair.Key}', which is not a declared response property.");
            if (pair.Value is not null)
            {
                CheckType(api, field, pair.Value, "response property");
            }
        }
    }

    private static void CheckType(CustomApiDeclaration api, CustomApiField field, object value, string kind)
    {
        var expected = ClrType(field.Type);
        if (!expected.IsInstanceOfType(value))
        {
            throw Faults.InvalidArgument(
                $"Custom API {api.UniqueName}: {kind} '{field.UniqueName}' must be {field.Type} ({expected.Name}), not {value.GetType().Name}.");
        }

        var logicalName = value switch
        {
            Entity e => e.LogicalName,
            EntityReference r => r.LogicalName,
            _ => null,
        };
        if (field.LogicalEntityName is not null && logicalName is not null && !string.Equals(field.LogicalEntityName, logicalName, StringComparison.Ordinal))
        {
            throw Faults.InvalidArgument(
                $"Custom API {api.UniqueName}: {kind} '{field.UniqueName}' must be a {field.LogicalEntityName}, not a {logicalName}.");
        }
    }

    private static Type ClrType(CustomApiFieldType type) => type switch
    {
        CustomApiFieldType.Boolean => typeof(bool),
        CustomApiFieldType.DateTime => typeof(DateTime),
        CustomApiFieldType.Decimal => typeof(decimal),
        CustomApiFieldType.Entity => typeof(Entity),
        CustomApiFieldType.EntityCollection => typeof(EntityCollection),
        CustomApiFieldType.EntityReference => typeof(EntityReference),
        CustomApiFieldType.Float => typeof(double),
        CustomApiFieldType.Integer => typeof(int),
        CustomApiFieldType.Money => typeof(Money),
        CustomApiFieldType.Picklist => typeof(OptionSetValue),
        CustomApiFieldType.String => typeof(string),
        CustomApiFieldType.StringArray => typeof(string[]),
        CustomApiFieldType.Guid => typeof(Guid),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Custom API field type."),
    };
}
