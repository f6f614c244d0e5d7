using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// Holds a Custom API's string inputs to the maxima its declaration gives (<see cref="CustomApiField.MaxLength"/>), before
/// the API does anything: Dataverse only knows a parameter is a string, and a value that does not fit where it goes
/// would fail later, half way, or be cut. Refused with <see cref="TextLimits.RequireAtMost"/>, naming the parameter.
/// </summary>
internal static class CustomApiInputLimits
{
    public static void Check(CustomApiDeclaration api, IPluginExecutionContext execution)
    {
        foreach (var field in api.RequestParameters)
        {
            if (field.MaxLength is int max && execution.InputParameters.TryGetValue(field.UniqueName, out var value) && value is string text)
            {
                TextLimits.RequireAtMost(text, max, field.UniqueName);
            }
        }
    }
}
