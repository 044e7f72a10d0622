using System.Globalization;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Trend charts as inline SVG for the self-contained HTML reports: a line chart of one or more series over a row of
/// periods (a dashed line for a norm such as a budget path), or a bar chart of one series, with a value axis of round
/// steps, the period labels, a legend and a title for screen readers. It loads nothing and needs no script.
/// </summary>
internal static class SvgChart
{
    private const int Width = 760, Height = 260, Left = 86, Right = 16, Top = 16, Bottom = 44;

    private static readonly string[] Colours = ["#1f5fa8", "#c05a00", "#2e7d32", "#8e24aa", "#00838f", "#6d4c41", "#c62828", "#546e7a"];

    /// <summary>A line chart; <paramref name="format"/> writes an axis value.</summary>
    public static string Lines(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<decimal, string> format) =>
        Chart(id, title, labels, series, format, bars: false);

    /// <summary>A bar chart of one series; <paramref name="format"/> writes an axis value.</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> labels, ChartSeries series, Func<decimal, string> format) =>
        Chart(id, title, labels, [series], format, bars: true);

    private static string Chart(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<decimal, string> format, bool bars)
    {
        var max = series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var step = Step(max);
        var top = step * 4;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = (double)plotWidth / Math.Max(1, labels.Count);
        double X(int i) => Left + (slot * i) + (slot / 2);
        double Y(decimal v) => Top + plotHeight - (double)(v / top) * plotHeight;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<figure class=\"chart\"><svg id=\"{id}\" class=\"chart\" role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">\n<title>{E(title)}</title>\n"));
        for (var k = 0; k <= 4; k++)
        {
            var y = Y(step * k);
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{E(format(step * k))}</text>\n"));
        }

        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 12.0));
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(labels[i])}</text>\n"));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            svg.Append(bars ? BarShapes(series[s], colour, slot, X, Y, Top + plotHeight) : Line(series[s], colour, X, Y));
        }

        svg.Append("</svg>\n");
        Legend(svg, series);
        svg.Append("</figure>\n");
        return svg.ToString();
    }

    private static string Line(ChartSeries series, string colour, Func<int, double> x, Func<decimal, double> y)
    {
        var points = string.Join(' ', series.Values
            .Select((v, i) => v is { } value ? Invariant($"{x(i):0.#},{y(value):0.#}") : null)
            .Where(p => p is not null));
        var dash = series.Dashed ? " stroke-dasharray=\"6 4\"" : string.Empty;
        return Invariant($"<polyline class=\"series\" data-series=\"{E(series.Name)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{points}\"/>\n");
    }

    private static string BarShapes(ChartSeries series, string colour, double slot, Func<int, double> x, Func<decimal, double> y, double baseline)
    {
        var bars = new StringBuilder(Invariant($"<g class=\"series\" data-series=\"{E(series.Name)}\" fill=\"{colour}\">"));
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (series.Values[i] is { } value)
            {
                var top = y(value);
                bars.Append(Invariant($"<rect x=\"{x(i) - (slot * 0.35):0.#}\" y=\"{top:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{baseline - top:0.#}\"/>"));
            }
        }

        return bars.Append("</g>\n").ToString();
    }

    private static void Legend(StringBuilder html, IReadOnlyList<ChartSeries> series)
    {
        if (series.Count == 1)
        {
            return;
        }

        html.Append("<figcaption class=\"legend\">");
        for (var s = 0; s < series.Count; s++)
        {
            var style = series[s].Dashed ? "dashed" : "solid";
            html.Append(Invariant($"<span><i style=\"border-top:3px {style} {Colours[s % Colours.Length]}\"></i>{E(series[s].Name)}</span> "));
        }

        html.Append("</figcaption>\n");
    }

    /// <summary>A round step for four grid lines that reach at least <paramref name="max"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    internal static decimal Step(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var raw = (double)max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * power).First(s => s >= raw);
        return Math.Max((decimal)step, raw < 1 ? 1 : 0);
    }

    private static string E(string text) => ReportEscaping.Html(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One series of a chart: its name, a value per period (null where it has none) and whether it is drawn dashed.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool Dashed = false);
