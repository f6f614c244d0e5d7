using System;
using System.Globalization;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness;

/// <summary>The faults the harness raises, with Dataverse's codes and message shapes.</summary>
internal static partial class Faults
{
    public static DataverseFaultException NotFound(string logicalName, Guid id) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.ObjectDoesNotExist,
            string.Format(CultureInfo.InvariantCulture, "{0} With Id = {1} Does Not Exist", logicalName, id));

    public static DataverseFaultException Duplicate(string logicalName, Guid id) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.DuplicateRecord,
            string.Format(CultureInfo.InvariantCulture, "Cannot insert duplicate key. {0} With Id = {1} already exists.", logicalName, id));

    public static DataverseFaultException VersionMismatch(string logicalName, Guid id) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.ConcurrencyVersionMismatch,
            string.Format(CultureInfo.InvariantCulture, "The version of the existing record doesn't match the RowVersion property provided. ({0} {1})", logicalName, id));

    public static DataverseFaultException VersionNotProvided() =>
        DataverseFaultException.Create(
            DataverseErrorCodes.ConcurrencyVersionNotProvided,
            "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");

    public static DataverseFaultException Deadlock(RowKey key, string detail) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.GenericSqlError,
            $"Sql error: Generic SQL error. CRM ErrorCode: {DataverseErrorCodes.GenericSqlError} Sql Number: 1205 " +
            $"(transaction was deadlocked on lock resources and chosen as the deadlock victim: {key}; {detail}).");

    public static DataverseFaultException DepthTooHigh(int depth) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.SdkCorrelationTokenDepthTooHigh,
            $"This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again. (depth {depth} > 8)");

    public static DataverseFaultException RestrictedDelete(string logicalName, Guid id, string relationship) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.CannotDeleteDueToAssociation,
            $"The object you tried to delete is associated with another object and cannot be deleted. ({logicalName} {id}; {relationship} is Restrict)");

    public static DataverseFaultException InvalidArgument(string message) =>
        DataverseFaultException.Create(DataverseErrorCodes.InvalidArgument, message);

    public static DataverseFaultException NotSupported(string message) =>
        DataverseFaultException.Create(DataverseErrorCodes.NotSupported, message);

    public static DataverseFaultException Aborted(string reason) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.TransactionAborted,
            "The transaction was aborted because an earlier operation in it failed: " + reason);
}
