using System;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness;

/// <summary>
/// What the harness throws where Dataverse's organization service throws
/// FaultException&lt;OrganizationServiceFault&gt; (System.ServiceModel is not part of the offline SDK surface).
/// <see cref="Detail"/> carries the fault exactly as a client would read it from FaultException.Detail:
/// ErrorCode is the real Dataverse code where the harness knows it (see <see cref="DataverseErrorCodes"/>).
/// </summary>
public sealed class DataverseFaultException : Exception
{
    public DataverseFaultException(OrganizationServiceFault detail)
        : this(detail, null)
    {
    }

    public DataverseFaultException(OrganizationServiceFault detail, Exception? innerException)
        : base(detail?.Message, innerException)
    {
        Detail = detail ?? throw new ArgumentNullException(nameof(detail));
    }

    /// <summary>The fault, as FaultException&lt;OrganizationServiceFault&gt;.Detail.</summary>
    public OrganizationServiceFault Detail { get; }

    /// <summary>Shortcut for Detail.ErrorCode.</summary>
    public int ErrorCode => Detail.ErrorCode;

    internal static DataverseFaultException Create(int errorCode, string message, Exception? inner = null)
    {
        // Timestamp stays unset: the harness never reads the system clock.
        var fault = new OrganizationServiceFault
        {
            ErrorCode = errorCode,
            Message = message,
        };
        return new DataverseFaultException(fault, inner);
    }
}
