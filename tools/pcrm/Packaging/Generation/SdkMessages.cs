using System;
using System.Collections.Generic;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// SdkMessageId of platform messages. These GUIDs are the same in every organisation: observed identical
/// across four unrelated orgs' exports for Create/Update (SOLUTION-LAYOUT §6). Steps on Custom API messages
/// use &lt;SdkMessageName&gt; instead, because a custom message's id differs per environment (ROMTS export).
/// Add a message here only with the GUID copied from a real export.
/// </summary>
internal static class SdkMessages
{
    private static readonly IReadOnlyDictionary<string, Guid> Platform = new Dictionary<string, Guid>(StringComparer.Ordinal)
    {
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Retrieve"] = new("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveMultiple"] = new("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),

        // Seen in one organisation only (SOLUTION-LAYOUT §6); kept because platform message ids are global.
        ["Associate"] = new("16e7c888-3b24-448b-b7da-ebfe9b681762"),
        ["Disassociate"] = new("bdfc191d-fc56-493a-a6b1-cb0c47a22ecc"),
    };

    public static bool TryGetPlatformId(string message, out Guid id) => Platform.TryGetValue(message, out id);

    /// <summary>The platform message an SdkMessageId stands for, as steps in the Solution name it.</summary>
    public static bool TryGetPlatformName(Guid id, out string message)
    {
        foreach (var pair in Platform)
        {
            if (pair.Value == id)
            {
                message = pair.Key;
                return true;
            }
        }

        message = string.Empty;
        return false;
    }
}
