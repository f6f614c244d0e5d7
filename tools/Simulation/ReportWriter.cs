using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using PropertyCrm.Domain.Kpis;

namespace PropertyCrm.Simulation;

/// <summary>
/// report.html: one page a property manager would read — KPI against target per property and month, SLA outcomes,
/// satisfaction and fee-collection trends, requests by month — with inline SVG charts, so it opens offline.
/// </summary>
public static class ReportWriter
{
    private static readonly string[] Palette = { "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22" };

    public static string Html(SimulationSummary summary, IReadOnlyList<SnapshotRow> rows)
    {
        var months = summary.Months.Select(m => m.ToString()).ToList();
        var properties = rows.Select(r => r.Property).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>PropertyCrm 模拟报告 Simulation report</title><style>");
        html.Append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1240px}h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:2px solid #1f77b4}");
        html.Append("table{border-collapse:collapse;font-size:12px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f0f4f8}td.k{text-align:left;white-space:nowrap}");
        html.Append("td.met{background:#dff3e0}td.miss{background:#fbe0e0}td.none{color:#777}.charts{display:flex;flex-wrap:wrap;gap:12px}.note{color:#555;font-size:12px}</style></head><body>");
        html.Append($"<h1>PropertyCrm 模拟报告 · Simulation report</h1><p class='note'>{Esc(summary.Description)}</p>");

        html.Append("<h2>趋势 Trends</h2><div class='charts'>");
        html.Append(TrendChart("满意率 Satisfaction rate", KpiCode.SatisfactionRate, rows, properties, months, 0.7, 1.0));
        html.Append(TrendChart("物业费收缴率 Fee collection", KpiCode.FeeCollection, rows, properties, months, 0.7, 1.0));
        html.Append(TrendChart("NPS 净推荐值 NPS", KpiCode.Nps, rows, properties, months, -20, 100, v => v.ToString("0", CultureInfo.InvariantCulture)));
        html.Append(TrendChart("物业费收缴率(年初至今) Fee collection, year to date", KpiCode.FeeCollectionYearToDate, rows, properties, months, 0.7, 1.0));
        html.Append(TrendChart("响应及时率 First response on time", KpiCode.FirstResponseOnTime, rows, properties, months, 0.7, 1.0));
        html.Append(TrendChart("维修及时率 Repair on time", KpiCode.RepairOnTime, rows, properties, months, 0.5, 1.0));
        html.Append(SlaBars(rows, properties, months));
        html.Append(RequestBars(summary, months));
        html.Append("</div>");

        html.Append("<h2>SLA 结果 SLA outcomes (whole period)</h2><table><tr><th>项目 Property</th><th>KPI</th><th>达成 met</th><th>超时 breached</th><th>及时率 rate</th></tr>");
        foreach (var property in properties)
        {
            foreach (var code in new[] { KpiCode.FirstResponseOnTime, KpiCode.OnSiteOnTime, KpiCode.RepairOnTime })
            {
                var set = rows.Where(r => r.Property == property && r.Kpi == code).ToList();
                var met = set.Sum(r => r.Numerator);
                var all = set.Sum(r => r.Denominator);
                html.Append($"<tr><td class='k'>{Esc(property)}</td><td class='k'>{Esc(KpiCatalog.Get(code).Chinese + " " + KpiCatalog.Get(code).English)}</td><td>{met:0}</td><td>{all - met:0}</td><td>{(all == 0 ? "—" : (met / all * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%")}</td></tr>");
            }
        }

        html.Append("</table>");

        foreach (var property in properties)
        {
            html.Append($"<h2>{Esc(property)}: KPI 与目标 KPIs against target</h2><table><tr><th>KPI</th><th>目标 target</th>");
            foreach (var month in months)
            {
                html.Append($"<th>{month}</th>");
            }

            html.Append("</tr>");
            foreach (var code in rows.Select(r => r.Kpi).Distinct().OrderBy(c => c))
            {
                var definition = KpiCatalog.Get(code);
                var target = rows.FirstOrDefault(r => r.Property == property && r.Kpi == code)?.Target;
                html.Append($"<tr><td class='k'>{Esc(definition.Chinese)} {Esc(definition.English)}</td><td>{Esc(KpiFormat.Target(code, target))}</td>");
                foreach (var month in months)
                {
                    var row = rows.FirstOrDefault(r => r.Property == property && r.Kpi == code && r.Period == month);
                    var css = row?.Met switch { true => "met", false => "miss", _ => "none" };
                    var tip = row is null ? string.Empty : $" title='{row.Numerator:0.##} / {row.Denominator:0.##}'";
                    html.Append($"<td class='{css}'{tip}>{Esc(KpiFormat.Value(code, row?.Value))}</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        html.Append("<p class='note'>绿色达标、红色未达标、灰色无目标或无数据 · green met, red missed, grey no target or no data. 悬停查看分子/分母 · hover a cell for numerator / denominator. KPI 定义见 README 的 KPI 表 · definitions: the README's KPI table.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string TrendChart(string title, KpiCode code, IReadOnlyList<SnapshotRow> rows, IReadOnlyList<string> properties, IReadOnlyList<string> months, double min, double max, Func<double, string>? label = null)
    {
        var series = properties.Select((p, i) => new ChartSeries(
            p,
            Palette[i % Palette.Length],
            months.Select(m => (double?)rows.FirstOrDefault(r => r.Property == p && r.Period == m && r.Kpi == code)?.Value).ToList())).ToList();
        var target = (double?)rows.FirstOrDefault(r => r.Kpi == code)?.Target;
        return SvgChart.Line(title, months, series, min, max, target, label ?? (v => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%"));
    }

    private static string SlaBars(IReadOnlyList<SnapshotRow> rows, IReadOnlyList<string> properties, IReadOnlyList<string> months)
    {
        var repairs = months.Select(m => rows.Where(r => r.Period == m && r.Kpi == KpiCode.RepairOnTime).ToList()).ToList();
        var series = new[]
        {
            new ChartSeries("达成 met", "#2ca02c", repairs.Select(set => (double?)(double)set.Sum(r => r.Numerator)).ToList()),
            new ChartSeries("超时 breached", "#d62728", repairs.Select(set => (double?)(double)set.Sum(r => r.Denominator - r.Numerator)).ToList()),
        };
        return SvgChart.Bars($"报修解决 SLA Repairs resolved in time ({properties.Count} 个项目 properties)", months, series, true, null, v => v.ToString("0.#", CultureInfo.InvariantCulture));
    }

    private static string RequestBars(SimulationSummary summary, IReadOnlyList<string> months)
    {
        var types = summary.RequestsByMonthAndType.Keys.Select(k => k.Type).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        var series = types.Select((t, i) => new ChartSeries(
            t,
            Palette[i % Palette.Length],
            months.Select(m => (double?)(summary.RequestsByMonthAndType.TryGetValue((m, t), out var n) ? n : 0)).ToList())).ToList();
        return SvgChart.Bars("报事量 Requests by month and type", months, series, true, null, v => v.ToString("0.#", CultureInfo.InvariantCulture));
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
