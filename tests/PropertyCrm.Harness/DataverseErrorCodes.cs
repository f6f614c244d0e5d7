namespace PropertyCrm.Harness;

/// <summary>
/// Dataverse error codes the harness raises. Values come from Microsoft's "Web service error codes" list
/// (powerapps-docs, reference/web-service-error-codes.md) and the platform's CommonErrorCodes; the README
/// lists which fault each harness situation uses.
/// </summary>
public static partial class DataverseErrorCodes
{
    /// <summary>0x80040203 InvalidArgument.</summary>
    public const int InvalidArgument = -2147220989;

    /// <summary>0x80040217 ObjectDoesNotExist: "{table} With Id = {id} Does Not Exist".</summary>
    public const int ObjectDoesNotExist = -2147220969;

    /// <summary>0x80040237 DuplicateRecord: "Operation failed due to a SQL integrity violation." (duplicate key).</summary>
    public const int DuplicateRecord = -2147220937;

    /// <summary>0x80060882 ConcurrencyVersionMismatch.</summary>
    public const int ConcurrencyVersionMismatch = -2147088254;

    /// <summary>0x80060883 ConcurrencyVersionNotProvided.</summary>
    public const int ConcurrencyVersionNotProvided = -2147088253;

    /// <summary>0x80040265 IsvAborted: a plug-in threw InvalidPluginExecutionException.</summary>
    public const int IsvAborted = -2147220891;

    /// <summary>0x80040216 UnExpected: a plug-in threw something other than InvalidPluginExecutionException.</summary>
    public const int Unexpected = -2147220970;

    /// <summary>0x80044182 SdkCorrelationTokenDepthTooHigh: the infinite-loop protection (depth beyond 8).</summary>
    public const int SdkCorrelationTokenDepthTooHigh = -2147204734;

    /// <summary>0x80044150 Generic SQL error; with SQL number 1205 it is a deadlock victim.</summary>
    public const int GenericSqlError = -2147204784;

    /// <summary>0x80044151 SQL timeout expired (SQL number −2). Learn: "Troubleshoot Dataverse bulk operation errors".</summary>
    public const int SqlTimeout = -2147204783;

    /// <summary>0x80072322 service protection: number of requests exceeded. Learn: "Service protection API limits".</summary>
    public const int ServiceProtectionRequestsExceeded = -2147015902;

    /// <summary>0x80072321 service protection: combined execution time exceeded. Learn: "Service protection API limits".</summary>
    public const int ServiceProtectionExecutionTimeExceeded = -2147015903;

    /// <summary>0x80072326 service protection: concurrent requests exceeded. Learn: "Service protection API limits".</summary>
    public const int ServiceProtectionConcurrencyExceeded = -2147015898;

    /// <summary>0x80040227 CannotDeleteDueToAssociation: a Restrict relationship has referencing rows.</summary>
    public const int CannotDeleteDueToAssociation = -2147220953;

    /// <summary>0x80040315 NotSupported.</summary>
    public const int NotSupported = -2147220715;

    /// <summary>0x80048841 CustomApiNotFound: "CustomApi with unique name {0} not found."</summary>
    public const int CustomApiNotFound = -2147186623;

    /// <summary>0x80040200 RequiredFieldMissing.</summary>
    public const int RequiredFieldMissing = -2147220992;

    /// <summary>0x80040255 TransactionAborted: a write after a failed nested call in the same transaction.</summary>
    public const int TransactionAborted = -2147220907;

    /// <summary>0x80041103 QueryBuilderNoAttribute.</summary>
    public const int QueryBuilderNoAttribute = -2147217149;

    /// <summary>0x80041108 QueryBuilderInvalid_Value.</summary>
    public const int QueryBuilderInvalidValue = -2147217144;

    /// <summary>0x80041120 QueryBuilderInvalidConditionOperator.</summary>
    public const int QueryBuilderInvalidConditionOperator = -2147217120;

    /// <summary>0x8004111C QueryBuilderDeserializeInvalidNode: FetchXML the parser does not understand.</summary>
    public const int QueryBuilderDeserializeInvalidNode = -2147217124;

    /// <summary>0x8004E023 AggregateQueryRecordLimitExceeded: an aggregate over more than 50,000 rows.</summary>
    public const int AggregateQueryRecordLimitExceeded = -2147164125;

    /// <summary>0x80040220 PrivilegeDenied: "Principal user is missing prv… privilege" (Learn: Troubleshoot Dataverse client errors).</summary>
    public const int PrivilegeDenied = -2147220960;

    /// <summary>0x80048306 AccessDenied: the privilege is held but not at a depth that reaches the record ("does not have …Access right(s)").</summary>
    public const int AccessDenied = -2147187962;

    /// <summary>0x8004F502 AttributePrivilegeCreateIsMissing: create sets a secured column without a profile granting create.</summary>
    public const int AttributePrivilegeCreateIsMissing = -2147158782;

    /// <summary>0x8004F507 AttributePermissionUpdateIsMissingDuringUpdate: update sets a secured column without a profile granting update.</summary>
    public const int AttributePermissionUpdateIsMissingDuringUpdate = -2147158777;
}
