namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Request type (报事类型). Values are 548210000 + the domain enum value.</summary>
public static class RequestType
{
    public const string Name = "pcrm_requesttype";

    /// <summary>报修 / Repair</summary>
    public const int Repair = 548210000;

    /// <summary>投诉 / Complaint</summary>
    public const int Complaint = 548210001;

    /// <summary>咨询 / Inquiry</summary>
    public const int Inquiry = 548210002;

    /// <summary>求助 / Help</summary>
    public const int Help = 548210003;

    /// <summary>建议 / Suggestion</summary>
    public const int Suggestion = 548210004;

    /// <summary>表扬 / Praise</summary>
    public const int Praise = 548210005;

    /// <summary>装修 / Renovation filing</summary>
    public const int Renovation = 548210006;

    /// <summary>钥匙托管 / Key custody</summary>
    public const int KeyCustody = 548210007;

    /// <summary>缴费 / Payment</summary>
    public const int Payment = 548210008;
}
