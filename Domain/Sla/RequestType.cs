namespace PropertyCrm.Domain.Sla;

/// <summary>
/// What a service request (报事报修) is about. Values are explicit because they are persisted and mapped to
/// Dataverse option values; never renumber.
/// </summary>
public enum RequestType
{
    /// <summary>报修.</summary>
    Repair = 0,

    /// <summary>投诉.</summary>
    Complaint = 1,

    /// <summary>咨询.</summary>
    Inquiry = 2,

    /// <summary>求助.</summary>
    Help = 3,

    /// <summary>建议.</summary>
    Suggestion = 4,

    /// <summary>表扬.</summary>
    Praise = 5,

    /// <summary>装修 renovation filing.</summary>
    Renovation = 6,

    /// <summary>钥匙托管.</summary>
    KeyCustody = 7,

    /// <summary>缴费.</summary>
    Payment = 8,
}
