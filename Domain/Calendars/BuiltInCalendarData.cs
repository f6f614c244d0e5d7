namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// The built-in calendars as data, in exactly the JSON format admins use (<see cref="Serialization.CalendarJson"/>),
/// so the shipped calendars and admin-maintained ones go through one parser and one set of checks. Kept in C#
/// rather than as an embedded resource because the net462 plug-in assemblies compile the Domain's .cs files in
/// and would not carry a resource along.
/// </summary>
/// <remarks>
/// Holiday dates are the State Council's notices, checked against the Xinhua full texts:
/// <list type="bullet">
/// <item>2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, dated 2024-11-12
/// (Xinhua, reprinted at https://m.gmw.cn/2024-11/12/content_1303894933.htm). First year under the revised
/// 全国年节及纪念日放假办法 that adds one day each to Spring Festival and Labour Day.</item>
/// <item>2026: 国务院办公厅关于2026年部分节假日安排的通知, dated 2025-11-04
/// (Xinhua, reprinted at https://politics.gmw.cn/2025-11/04/content_38391083.htm).</item>
/// </list>
/// To cover a new year, add its schedule here (or, in Dataverse, as admin data) once the notice is published,
/// usually in November; until then cn-workdays refuses to compute SLAs in that year.
/// </remarks>
internal static class BuiltInCalendarData
{
    /// <summary>Never closes; still carries +08:00 so its results read in Beijing time like everything else.</summary>
    public const string TwentyFourSeven = """
        {
          "name": "24x7",
          "description": "全天候,无节假日(紧急事件) / Around the clock, no holidays (emergencies)",
          "utcOffset": "+08:00",
          "observesPublicHolidays": false,
          "week": {
            "monday": ["00:00-24:00"],
            "tuesday": ["00:00-24:00"],
            "wednesday": ["00:00-24:00"],
            "thursday": ["00:00-24:00"],
            "friday": ["00:00-24:00"],
            "saturday": ["00:00-24:00"],
            "sunday": ["00:00-24:00"]
          }
        }
        """;

    /// <summary>
    /// A property service centre's hours: every day 08:00-20:00 at +08:00, public holidays included (service centres
    /// work every day, holidays included: shared DOMAIN.md). The default for on-site work and repair resolution
    /// unless the property names its own calendar.
    /// </summary>
    public const string ServiceHours = """
        {
          "name": "service-hours",
          "description": "物业服务时间 每天 08:00-20:00,节假日照常 / Property service hours every day 08:00-20:00, holidays included",
          "utcOffset": "+08:00",
          "observesPublicHolidays": false,
          "week": {
            "monday": ["08:00-20:00"],
            "tuesday": ["08:00-20:00"],
            "wednesday": ["08:00-20:00"],
            "thursday": ["08:00-20:00"],
            "friday": ["08:00-20:00"],
            "saturday": ["08:00-20:00"],
            "sunday": ["08:00-20:00"]
          }
        }
        """;

    /// <summary>Mainland China office week: Monday to Friday 09:00-18:00, minus public holidays, plus 调休 days.</summary>
    public const string ChinaWorkdays = """
        {
          "name": "cn-workdays",
          "description": "中国工作日 周一至周五 09:00-18:00,法定节假日休息,调休日上班 / Mainland China workdays Mon-Fri 09:00-18:00, public holidays off, make-up days worked",
          "utcOffset": "+08:00",
          "observesPublicHolidays": true,
          "week": {
            "monday": ["09:00-18:00"],
            "tuesday": ["09:00-18:00"],
            "wednesday": ["09:00-18:00"],
            "thursday": ["09:00-18:00"],
            "friday": ["09:00-18:00"]
          },
          "makeUpDayHours": ["09:00-18:00"],
          "years": [
            {
              "year": 2025,
              "source": "国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号)",
              "holidays": [
                { "name": "元旦", "from": "2025-01-01", "to": "2025-01-01" },
                { "name": "春节", "from": "2025-01-28", "to": "2025-02-04" },
                { "name": "清明节", "from": "2025-04-04", "to": "2025-04-06" },
                { "name": "劳动节", "from": "2025-05-01", "to": "2025-05-05" },
                { "name": "端午节", "from": "2025-05-31", "to": "2025-06-02" },
                { "name": "国庆节、中秋节", "from": "2025-10-01", "to": "2025-10-08" }
              ],
              "workdays": [
                { "date": "2025-01-26", "name": "春节" },
                { "date": "2025-02-08", "name": "春节" },
                { "date": "2025-04-27", "name": "劳动节" },
                { "date": "2025-09-28", "name": "国庆节、中秋节" },
                { "date": "2025-10-11", "name": "国庆节、中秋节" }
              ]
            },
            {
              "year": 2026,
              "source": "国务院办公厅关于2026年部分节假日安排的通知(2025年11月4日)",
              "holidays": [
                { "name": "元旦", "from": "2026-01-01", "to": "2026-01-03" },
                { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" },
                { "name": "清明节", "from": "2026-04-04", "to": "2026-04-06" },
                { "name": "劳动节", "from": "2026-05-01", "to": "2026-05-05" },
                { "name": "端午节", "from": "2026-06-19", "to": "2026-06-21" },
                { "name": "中秋节", "from": "2026-09-25", "to": "2026-09-27" },
                { "name": "国庆节", "from": "2026-10-01", "to": "2026-10-07" }
              ],
              "workdays": [
                { "date": "2026-01-04", "name": "元旦" },
                { "date": "2026-02-14", "name": "春节" },
                { "date": "2026-02-28", "name": "春节" },
                { "date": "2026-05-09", "name": "劳动节" },
                { "date": "2026-09-20", "name": "国庆节" },
                { "date": "2026-10-10", "name": "国庆节" }
              ]
            }
          ]
        }
        """;
}
