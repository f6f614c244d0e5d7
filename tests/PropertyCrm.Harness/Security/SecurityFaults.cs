using System;
using System.Globalization;

namespace PropertyCrm.Harness.Security;

/// <summary>
/// The faults Dataverse raises for security, with the codes and message shapes of Learn's "Troubleshoot Dataverse
/// client errors" and "Web service error codes": a privilege check failure, an access (depth) check failure after a
/// passed privilege check, and the column-level security refusals.
/// </summary>
internal static class SecurityFaults
{
    public static DataverseFaultException PrivilegeDenied(Guid userId, string privilege, string table) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.PrivilegeDenied,
            string.Format(CultureInfo.InvariantCulture, "Principal user (Id={0}, type=8) is missing {1} privilege on OTC for entity '{2}'.", userId, privilege, table));

    public static DataverseFaultException AccessDenied(Guid userId, string right, string table, Guid recordId) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.AccessDenied,
            string.Format(CultureInfo.InvariantCulture, "Principal with id {0} does not have {1} right(s) for record with id {2} of entity {3}.", userId, right, recordId, table));

    public static DataverseFaultException SecuredColumn(bool create, string table, string column) =>
        DataverseFaultException.Create(
            create ? DataverseErrorCodes.AttributePrivilegeCreateIsMissing : DataverseErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate,
            create
                ? $"The user does not have create permissions to a secured field. The requested operation could not be completed. ({table}.{column})"
                : $"The user doesn't have AttributePrivilegeUpdate and not granted shared access for a secured attribute during update operation ({table}.{column})");
}
