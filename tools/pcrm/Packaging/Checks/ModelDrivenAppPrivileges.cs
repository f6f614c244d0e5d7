using System;
using System.Collections.Generic;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// The privileges every PCRM role needs to open the model-driven app and use its forms, views, charts and
/// dashboards, with the least depth that works. Microsoft ships them as the predefined role App Opener
/// (the role editor's "Include App Opener privileges" switch) and documents the core of it in "Create or edit
/// a security role › Minimum privileges for common tasks" (power-platform admin/create-edit-security-role.md:
/// Read on the table, Read Saved View, Create/Read/Write User Entity UI Settings, Read User). Learn does not
/// enumerate the rest, so this list names what the app touches, each for a reason, and a role imported from
/// our solution carries it explicitly instead of depending on a switch in the editor.
/// </summary>
internal static class ModelDrivenAppPrivileges
{
    /// <summary>Privilege name → least depth. Personal items are the user's own (Basic); metadata and configuration organization-wide.</summary>
    public static readonly IReadOnlyDictionary<string, PrivilegeDepth> Required = new Dictionary<string, PrivilegeDepth>(StringComparer.Ordinal)
    {
        // The app, its site map and the metadata the client loads to render any form or grid.
        ["prvReadAppModule"] = PrivilegeDepth.Global,
        ["prvReadEntity"] = PrivilegeDepth.Global,
        ["prvReadAttribute"] = PrivilegeDepth.Global,
        ["prvReadRelationship"] = PrivilegeDepth.Global,
        ["prvReadSystemApplicationMetadata"] = PrivilegeDepth.Global,
        ["prvReadOrganization"] = PrivilegeDepth.Global,
        ["prvReadWebResource"] = PrivilegeDepth.Global,
        // Forms and dashboards (both are system forms), system views, system charts.
        ["prvReadSystemForm"] = PrivilegeDepth.Global,
        ["prvReadQuery"] = PrivilegeDepth.Global,
        ["prvReadSavedQueryVisualizations"] = PrivilegeDepth.Global,
        // Money columns (contact, fee bill, fee payment, reward, tier policy) render through their currency.
        ["prvReadTransactionCurrency"] = PrivilegeDepth.Global,
        // Owner, created-by and user/team lookups display users, teams and business units.
        ["prvReadUser"] = PrivilegeDepth.Global,
        ["prvReadTeam"] = PrivilegeDepth.Global,
        ["prvReadBusinessUnit"] = PrivilegeDepth.Global,
        // The client asks which plug-ins and Custom APIs exist before calling them.
        ["prvReadSdkMessage"] = PrivilegeDepth.Global,
        ["prvReadPluginAssembly"] = PrivilegeDepth.Global,
        ["prvReadPluginType"] = PrivilegeDepth.Global,
        // The user's own views, charts, grid layouts and settings.
        ["prvReadUserQuery"] = PrivilegeDepth.Basic,
        ["prvCreateUserQuery"] = PrivilegeDepth.Basic,
        ["prvWriteUserQuery"] = PrivilegeDepth.Basic,
        ["prvDeleteUserQuery"] = PrivilegeDepth.Basic,
        ["prvReadUserQueryVisualizations"] = PrivilegeDepth.Basic,
        ["prvReadUserEntityUISettings"] = PrivilegeDepth.Basic,
        ["prvCreateUserEntityUISettings"] = PrivilegeDepth.Basic,
        ["prvWriteUserEntityUISettings"] = PrivilegeDepth.Basic,
        ["prvReadUserSettings"] = PrivilegeDepth.Basic,
        ["prvWriteUserSettings"] = PrivilegeDepth.Basic,
        ["prvReadUserApplicationMetadata"] = PrivilegeDepth.Basic,
        ["prvCreateUserApplicationMetadata"] = PrivilegeDepth.Basic,
        ["prvWriteUserApplicationMetadata"] = PrivilegeDepth.Basic,
    };
}
