using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PropertyCrm.Harness;

// Faults of the column-metadata and alternate-key checks, with Dataverse's codes and message shapes.
internal static partial class Faults
{
    public static DataverseFaultException UnknownColumn(string table, string column) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.QueryBuilderNoAttribute,
            $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    public static DataverseFaultException WrongType(string table, string column, string expected, object value) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.InvalidArgument,
            $"Incorrect attribute value type {value.GetType().FullName} for '{column}' of '{table}': the column takes {expected}.");

    public static DataverseFaultException TooLong(string table, string column, int maxLength) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.StringLengthTooLong,
            string.Format(CultureInfo.InvariantCulture, "A validation error occurred. The length of the '{0}' attribute of the '{1}' entity exceeded the maximum allowed length of '{2}'.", column, table, maxLength));

    public static DataverseFaultException OutOfRange(string table, string column, decimal value, decimal? min, decimal? max) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.StringLengthTooLong,
            string.Format(CultureInfo.InvariantCulture, "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range. Accepted range: {3} to {4}", value, column, table, min, max));

    public static DataverseFaultException InvalidChoice(string table, string column, int value) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.PicklistValueOutOfRange,
            string.Format(CultureInfo.InvariantCulture, "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range.", value, column, table));

    public static DataverseFaultException InvalidStatus(string table, Guid id, int state, int status) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.InvalidStateCodeStatusCode,
            string.Format(CultureInfo.InvariantCulture, "{0} is not a valid status code (statuscode) for state code {1}State.{2} on {1} with Id {3}.", status, table, state, id));

    public static DataverseFaultException InvalidLookupTarget(string table, string column, string target, IEnumerable<string> allowed) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.InvalidArgument,
            $"'{column}' of '{table}' is a lookup to {string.Join(", ", allowed.OrderBy(t => t, StringComparer.Ordinal))}; it cannot point to a '{target}' row.");

    public static DataverseFaultException InvalidDate(string table, string column, DateTime value, string reason) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.InvalidDateTime,
            string.Format(CultureInfo.InvariantCulture, "The date-time format is invalid, or value is outside the supported range: '{0}' of '{1}' = {2:O} ({3}).", column, table, value, reason));

    public static DataverseFaultException DuplicateKey(string table, string keyName, string values) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.DuplicateRecordEntityKey,
            $"A record that has the attribute values {values} already exists. The entity key {keyName} requires that this set of attributes contains unique values. Select unique values and try again. ({table})");

    public static DataverseFaultException UndefinedKey(string table, IEnumerable<string> columns) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.InvalidEntityKeyOperation,
            $"Invalid EntityKey Operation performed : The key attributes ({string.Join(", ", columns)}) are not a defined key for the {table} entity.");

    public static DataverseFaultException NotFoundByKey(string table, string values) =>
        DataverseFaultException.Create(
            DataverseErrorCodes.RecordNotFoundByEntityKey,
            $"A record with the specified key values does not exist in {table} entity ({values})");
}
