using System.Globalization;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Collection;

/// <summary>
/// The text of a 催缴 reminder, in Chinese (the owner's language): a service notice, so it names the bill and how to
/// pay and nothing else (no offer, no advertising). No name or unit number: the message goes to the owner's own phone
/// or WeChat, and the less it carries the less a misdirected message discloses.
/// </summary>
public static class ReminderText
{
    public static string Compose(YearMonth period, decimal amountDue, ChinaDate dueOn) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "【物业服务通知】尊敬的业主:您 {0} 年 {1} 月的物业费(应缴 ¥{2:0.00})已于 {3} 到期,目前尚未缴清。请通过物业 APP、小程序或服务中心缴纳;如已缴纳,请忽略本通知。",
            period.Year,
            period.Month,
            amountDue,
            dueOn);
}
