using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace PropertyCrm.Simulation;

/// <summary>One line or bar series: a name, a colour and one value per category (null: no point).</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double?> Values);

/// <summary>Inline SVG line and bar charts (no script, no CDN: the report opens offline).</summary>
public static class SvgChart
{
    private const int Width = 560;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 34;
    private const int Bottom = 64;

    public static string Line(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double min, double max, double? target, Func<double, string> label)
    {
        var svg = Frame(title, categories, min, max, label, out var x, out var y);
        if (target is double t && t >= min && t <= max)
        {
            svg.Append(Inv($"<line x1='{Left}' x2='{Width - Right}' y1='{y(t):0.#}' y2='{y(t):0.#}' stroke='#c0392b' stroke-dasharray='6 4' stroke-width='1.5'/>"));
            svg.Append(Inv($"<text x='{Width - Right - 4}' y='{y(t) - 4:0.#}' text-anchor='end' font-size='11' fill='#c0392b'>目标 target {Esc(label(t))}</text>"));
        }

        foreach (var s in series)
        {
            var points = s.Values.Select((v, i) => (v, i)).Where(p => p.v.HasValue).Select(p => Inv($"{x(p.i, 1, 0):0.#},{y(Math.Clamp(p.v!.Value, min, max)):0.#}")).ToList();
            if (points.Count > 1)
            {
                svg.Append(Inv($"<polyline fill='none' stroke='{s.Color}' stroke-width='2.5' points='{string.Join(" ", points)}'/>"));
            }

            foreach (var p in points)
            {
                var xy = p.Split(',');
                svg.Append($"<circle cx='{xy[0]}' cy='{xy[1]}' r='3.5' fill='{s.Color}'/>");
            }
        }

        return Close(svg, series);
    }

    /// <summary>Grouped bars (one bar per series in each category), or stacked when <paramref name="stacked"/>.</summary>
    public static string Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, bool stacked, double? target, Func<double, string> label, double? min = null, double? max = null)
    {
        var top = max ?? Nice(categories.Select((_, i) => stacked ? series.Sum(s => s.Values[i] ?? 0) : series.Max(s => s.Values[i] ?? 0)).DefaultIfEmpty(1).Max());
        var bottom = min ?? 0;
        var svg = Frame(title, categories, bottom, top, label, out var x, out var y);
        for (var i = 0; i < categories.Count; i++)
        {
            double stack = bottom;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                if (value is null)
                {
                    continue;
                }

                var v = Math.Clamp(value.Value, bottom, top);
                double x0, w, y0, y1;
                if (stacked)
                {
                    x0 = x(i, 1, 0) - 12;
                    w = 24;
                    y0 = y(stack);
                    y1 = y(stack + v - bottom);
                    stack += v - bottom;
                }
                else
                {
                    w = Math.Max(4, 28.0 / series.Count);
                    x0 = x(i, series.Count, s) - w / 2;
                    y0 = y(bottom);
                    y1 = y(v);
                }

                svg.Append(Inv($"<rect x='{x0:0.#}' y='{Math.Min(y0, y1):0.#}' width='{w:0.#}' height='{Math.Abs(y0 - y1):0.#}' fill='{series[s].Color}'><title>{Esc(series[s].Name)} {Esc(categories[i])}: {Esc(label(value.Value))}</title></rect>"));
            }
        }

        if (target is double t && t >= bottom && t <= top)
        {
            svg.Append(Inv($"<line x1='{Left}' x2='{Width - Right}' y1='{y(t):0.#}' y2='{y(t):0.#}' stroke='#c0392b' stroke-dasharray='6 4' stroke-width='1.5'/>"));
            svg.Append(Inv($"<text x='{Width - Right - 4}' y='{y(t) - 4:0.#}' text-anchor='end' font-size='11' fill='#c0392b'>目标 target {Esc(label(t))}</text>"));
        }

        return Close(svg, series);
    }

    private static StringBuilder Frame(string title, IReadOnlyList<string> categories, double min, double max, Func<double, string> label, out Func<int, int, int, double> x, out Func<double, double> y)
    {
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var n = Math.Max(1, categories.Count);
        x = (i, groups, g) => Left + plotW * (i + 0.5) / n + (groups <= 1 ? 0 : (g - (groups - 1) / 2.0) * Math.Max(4, 28.0 / groups));
        var range = max - min == 0 ? 1 : max - min;
        y = v => Top + plotH * (1 - (v - min) / range);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns='http://www.w3.org/2000/svg' width='{Width}' height='{Height}' viewBox='0 0 {Width} {Height}' font-family='sans-serif'>"));
        svg.Append($"<text x='{Left}' y='20' font-size='14' font-weight='bold' fill='#222'>{Esc(title)}</text>");
        for (var k = 0; k <= 4; k++)
        {
            var v = min + range * k / 4;
            var yy = y(v);
            svg.Append(Inv($"<line x1='{Left}' x2='{Width - Right}' y1='{yy:0.#}' y2='{yy:0.#}' stroke='#e3e3e3'/>"));
            svg.Append(Inv($"<text x='{Left - 6}' y='{yy + 4:0.#}' text-anchor='end' font-size='10' fill='#555'>{Esc(label(v))}</text>"));
        }

        var step = Math.Max(1, (int)Math.Ceiling(n / 12.0));
        for (var i = 0; i < categories.Count; i += step)
        {
            svg.Append(Inv($"<text x='{x(i, 1, 0):0.#}' y='{Height - Bottom + 16}' text-anchor='middle' font-size='10' fill='#555'>{Esc(categories[i])}</text>"));
        }

        svg.Append(Inv($"<line x1='{Left}' x2='{Width - Right}' y1='{Top + plotH}' y2='{Top + plotH}' stroke='#888'/>"));
        return svg;
    }

    private static string Close(StringBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        var lx = Left;
        foreach (var s in series)
        {
            svg.Append(Inv($"<rect x='{lx}' y='{Height - 24}' width='12' height='12' fill='{s.Color}'/><text x='{lx + 16}' y='{Height - 14}' font-size='11' fill='#333'>{Esc(s.Name)}</text>"));
            lx += 24 + (int)(s.Name.Length * 6.5);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var f in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (max <= f * magnitude)
            {
                return f * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
