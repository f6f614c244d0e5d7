using System;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// The project's choice convention: option value = 548210000 (<see cref="Schema.Publisher.FirstOptionValue"/>) + the domain enum value.
/// </summary>
public static class OptionValues
{
    /// <summary>The publisher's option value prefix.</summary>
    public const int Base = Schema.Publisher.FirstOptionValue;

    /// <summary>The Dataverse option for a domain enum value.</summary>
    public static OptionSetValue ToOption<TEnum>(TEnum value)
        where TEnum : struct, Enum => new(Base + Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The domain enum value of an option, null for a blank choice or a value the enum does not define.</summary>
    public static TEnum? ToEnum<TEnum>(OptionSetValue? option)
        where TEnum : struct, Enum
    {
        if (option is null)
        {
            return null;
        }

        var value = option.Value - Base;
        return Enum.IsDefined(typeof(TEnum), value) ? (TEnum)Enum.ToObject(typeof(TEnum), value) : null;
    }

    /// <summary>The domain enum value of a choice column, null when blank or unknown.</summary>
    public static TEnum? Read<TEnum>(Entity? row, string column)
        where TEnum : struct, Enum => row is null ? null : ToEnum<TEnum>(row.GetAttributeValue<OptionSetValue>(column));
}
