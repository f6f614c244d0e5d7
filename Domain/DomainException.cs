using System;

namespace PropertyCrm.Domain;

/// <summary>
/// A business rule refused the input. Carries a stable code and a bilingual message (Chinese first, as
/// the product's users read it, then English) so plug-ins can surface it unchanged to staff.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Stable machine-readable code, e.g. "sla.calendar.unknown".</summary>
    public string Code { get; }
}
