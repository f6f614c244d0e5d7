using System;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// What policy matching needs to know about a request: its type, service line (null when none applies, e.g. a
/// payment), urgency, and the owner's tier code (null for none or unknown).
/// </summary>
public sealed class SlaRequestFacts
{
    public SlaRequestFacts(RequestType requestType, ServiceLine? serviceLine, Urgency urgency, string? ownerTier = null)
    {
        RequestType = requestType;
        ServiceLine = serviceLine;
        Urgency = urgency;
        OwnerTier = string.IsNullOrWhiteSpace(ownerTier) ? null : ownerTier!.Trim();
    }

    public RequestType RequestType { get; }

    public ServiceLine? ServiceLine { get; }

    public Urgency Urgency { get; }

    /// <summary>Admin-defined tier code, e.g. "diamond"; compared case-insensitively.</summary>
    public string? OwnerTier { get; }

    public override string ToString() =>
        $"{RequestType}/{(ServiceLine?.ToString() ?? "-")}/{Urgency}/{OwnerTier ?? "-"}";

    internal bool HasTier(string tier) => OwnerTier is not null && string.Equals(OwnerTier, tier, StringComparison.OrdinalIgnoreCase);
}
