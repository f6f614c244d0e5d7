namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Payment Channel (缴费渠道). How a property-fee payment was made. Values: 548210000 upward in this order; no domain enum.</summary>
public static class PaymentChannel
{
    public const string Name = "pcrm_paymentchannel";

    /// <summary>微信支付 / WeChat Pay</summary>
    public const int WeChatPay = 548210000;

    /// <summary>支付宝 / Alipay</summary>
    public const int Alipay = 548210001;

    /// <summary>银行转账 / Bank Transfer</summary>
    public const int BankTransfer = 548210002;

    /// <summary>现金 / Cash</summary>
    public const int Cash = 548210003;

    /// <summary>前台POS / Front-desk POS</summary>
    public const int FrontDeskPos = 548210004;

    /// <summary>代扣 / Direct Debit</summary>
    public const int DirectDebit = 548210005;
}
