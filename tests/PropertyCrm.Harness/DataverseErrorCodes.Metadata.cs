namespace PropertyCrm.Harness;

// Codes of the column-metadata and alternate-key checks (Metadata/ColumnRules, Service/RowValidator). Values from
// Microsoft Learn "Web service error codes" (powerapps-docs, developer/data-platform/includes/data-service-errors.md).
public static partial class DataverseErrorCodes
{
    /// <summary>0x80044331 StringLengthTooLong: "A validation error occurred. The length of the '{0}' attribute of the '{1}' entity exceeded the maximum allowed length of '{2}'." The platform raises the same validation code for a number outside the column's range.</summary>
    public const int StringLengthTooLong = -2147204303;

    /// <summary>0x8004431A PicklistValueOutOfRange: a choice value the column does not have.</summary>
    public const int PicklistValueOutOfRange = -2147204326;

    /// <summary>0x80048408 InvalidStateCodeStatusCode: "State code is invalid or state code is valid but status code is invalid for a specified state code."</summary>
    public const int InvalidStateCodeStatusCode = -2147187704;

    /// <summary>0x80040239 InvalidDateTime: "The date-time format is invalid, or value is outside the supported range."</summary>
    public const int InvalidDateTime = -2147220935;

    /// <summary>0x80060892 DuplicateRecordEntityKey: a second row with the same alternate key values.</summary>
    public const int DuplicateRecordEntityKey = -2147088238;

    /// <summary>0x8006088F InvalidEntityKeyOperation: "Invalid EntityKey Operation performed : {0}" (key attributes that are no defined key).</summary>
    public const int InvalidEntityKeyOperation = -2147088241;

    /// <summary>0x80060891 RecordNotFoundByEntityKey: "A record with the specified key values does not exist in {0} entity".</summary>
    public const int RecordNotFoundByEntityKey = -2147088239;
}
