namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>A RolePrivilege level, narrowest first (user, business unit, parent: child units, organization).</summary>
internal enum PrivilegeDepth
{
    Basic = 1,
    Local = 2,
    Deep = 3,
    Global = 4,
}
