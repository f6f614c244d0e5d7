using System;
using System.Collections.Generic;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>Privilege names as Dataverse spells them: prv + verb + the table's privilege name.</summary>
internal static class PrivilegeNames
{
    /// <summary>
    /// How platform tables appear in privilege names (prvAppendToUser, prvReadTransactionCurrency…): not their
    /// logical names. Custom tables use their logical name (prvCreatepcrm_servicerequest).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> PlatformTables =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["systemuser"] = "User",
            ["team"] = "Team",
            ["contact"] = "Contact",
            ["account"] = "Account",
            ["businessunit"] = "BusinessUnit",

            // Every activity table (task, phone call…) shares the activity privileges: prvCreateActivity, prvAppendToActivity…
            ["task"] = "Activity",
            ["transactioncurrency"] = "TransactionCurrency",
            ["environmentvariabledefinition"] = "EnvironmentVariableDefinition",
            ["environmentvariablevalue"] = "EnvironmentVariableValue",

            // Notes (photos on a request's timeline): table annotation, privileges prvCreateNote, prvReadNote…
            ["annotation"] = "Note",
        };

    public static string Of(string verb, string table) =>
        "prv" + verb + (PlatformTables.TryGetValue(table, out var name) ? name : table);

    public static bool TryParseDepth(string? level, out PrivilegeDepth depth) =>
        Enum.TryParse(level, ignoreCase: false, out depth) && Enum.IsDefined(depth);
}
