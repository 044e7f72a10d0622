namespace Procurement.Rules.Reporting;

/// <summary>
/// The inline style sheet and filter script of the HTML report: it is one file handed around, not a served page, so it
/// loads nothing. The script filters the findings by severity and text (also from the URL hash,
/// <c>#severity=error&amp;q=text</c>), writes the number shown into <c>data-visible-rows</c> of <c>#findings</c>, opens
/// the collapsed info section when the filter asks for it, and opens every toggle before printing or when the hash holds
/// <c>expand=1</c>.
/// </summary>
internal static class HtmlReportAssets
{
    public const string Style = """
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:72rem;line-height:1.4}
        h1{font-size:1.45rem} h2{font-size:1.2rem;margin-top:2rem} h3{font-size:1.05rem;margin:1.2rem 0 .4rem} h4{font-size:.95rem;margin:1rem 0 .3rem;color:#333}
        table{border-collapse:collapse;font-size:.9rem;max-width:100%}
        .summary td:nth-child(2),.meta code,.values td{overflow-wrap:anywhere}
        th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f0f0f0}
        td.n{text-align:right}
        tr.total td{font-weight:600;border-top:2px solid #888}
        .rule-id{white-space:nowrap;font-weight:600;font-family:ui-monospace,monospace}
        .sev{font-weight:600;border-radius:3px;padding:0 .3rem;white-space:nowrap}
        .sev-error{background:#fdd;color:#900} .sev-warning{background:#fec;color:#850} .sev-info{background:#def;color:#035}
        .filters{margin:1rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        section.severity,details.severity{margin-top:1rem}
        details.severity>summary{cursor:pointer} details.severity>summary h3{display:inline}
        article.finding{border:1px solid #ddd;border-left:5px solid #999;border-radius:4px;padding:.5rem .8rem;margin:.5rem 0}
        article.finding[data-severity=error]{border-left-color:#c33} article.finding[data-severity=warning]{border-left-color:#d80} article.finding[data-severity=info]{border-left-color:#37a}
        .finding .head{margin:0;font-size:1rem} .finding .ref{margin:.1rem 0;color:#555;font-size:.85rem}
        .finding .message{margin:.4rem 0} .finding .meta{margin:.2rem 0;color:#444;font-size:.85rem}
        .finding details summary{cursor:pointer;font-size:.85rem;color:#035}
        .finding pre{white-space:pre-wrap;background:#f6f6f6;padding:.4rem;margin:.3rem 0}
        [hidden]{display:none !important}
        code{font-size:.85em}
        @media print{.filters{display:none} body{margin:0;max-width:none} article.finding{break-inside:avoid} h3,h4{break-after:avoid}}
        </style>

        """;

    public const string Script = """
        <script>
        (function () {
          var root = document.getElementById('findings');
          var sev = document.getElementById('severity'), q = document.getElementById('q'), count = document.getElementById('count');
          var info = document.getElementById('info-findings');
          function apply() {
            var keep = [];
            if (params.get('expand')) keep.push('expand=1');
            var s = sev.value, text = q.value.toLowerCase(), visible = 0, infoVisible = 0;
            root.querySelectorAll('article.finding').forEach(function (f) {
              var show = (!s || f.dataset.severity === s) && (!text || f.textContent.toLowerCase().indexOf(text) >= 0);
              f.hidden = !show;
              if (show) { visible++; if (f.dataset.severity === 'info') { infoVisible++; } }
            });
            root.querySelectorAll('.group, .severity').forEach(function (g) {
              g.hidden = g.querySelector('article.finding:not([hidden])') === null;
            });
            if (info && infoVisible > 0 && (s === 'info' || text)) { info.open = true; }
            root.setAttribute('data-visible-rows', String(visible));
            count.textContent = visible + ' ' + count.dataset.shown;
            var hash = keep;
            if (s) hash.push('severity=' + encodeURIComponent(s));
            if (text) hash.push('q=' + encodeURIComponent(q.value));
            history.replaceState(null, '', hash.length ? '#' + hash.join('&') : location.pathname + location.search);
          }
          var params = new URLSearchParams(location.hash.replace(/^#/, ''));
          if (params.get('severity')) sev.value = params.get('severity');
          if (params.get('q')) q.value = params.get('q');
          if (params.get('expand')) document.querySelectorAll('details').forEach(function (d) { d.open = true; });
          sev.addEventListener('change', apply); q.addEventListener('input', apply);
          window.addEventListener('beforeprint', function () { document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });
          apply();
        })();
        </script>

        """;
}
