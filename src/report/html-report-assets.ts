/** The report's stylesheet (inline; system fonts only, so nothing is fetched). */
export const REPORT_STYLE = `
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;--card:#fff;--accent:#2563eb;--accent-soft:#dbeafe;--ok:#047857;--warn:#b45309;--flag:#b91c1c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
header{background:#111827;color:#f9fafb;padding:22px 0 0}
header h1{margin:0;font-size:24px;font-weight:650;letter-spacing:-.01em}
header .facts{margin:4px 0 14px;color:#d1d5db}
nav{display:flex;gap:4px;flex-wrap:wrap}
nav a{color:#e5e7eb;text-decoration:none;padding:8px 12px;border-radius:6px 6px 0 0;font-weight:500}
nav a:hover{background:#1f2937;color:#fff}
main{padding-top:20px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px}
section#summary{background:none;border:none;padding:0}
h2{margin:0 0 6px;font-size:17px;font-weight:650}
h3{margin:18px 0 8px;font-size:14px;font-weight:650}
.lead{margin:0 0 12px;color:var(--muted)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px}
.grid section{margin:0 0 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card-label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.card-value{font-size:24px;font-weight:650;margin-top:2px;font-variant-numeric:tabular-nums}
.card-value.text{font-size:18px;line-height:1.3;padding:4px 0 2px;overflow-wrap:anywhere}
.card-note{color:var(--muted);font-size:12.5px}
.ok{color:var(--ok)}
.note{color:var(--muted);margin:12px 0 0}
.warnings{margin-top:12px;padding:10px 14px;border-left:3px solid var(--warn);background:#fffbeb;border-radius:4px}
.warnings ul{margin:4px 0 0;padding-left:18px}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;background:#fafafa;position:sticky;top:0}
table.compact td,table.compact th{padding:6px 10px}
td.num,th.num{text-align:right;white-space:nowrap}
tbody tr:hover{background:#f9fafb}
.name{display:block;font-weight:550}
.id{display:block;color:var(--muted);font-size:12px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.dept{display:inline-block;margin-top:2px;font-size:11.5px;color:#374151;background:#f3f4f6;border-radius:4px;padding:0 6px}
.muted{color:var(--muted)}
td code{white-space:nowrap}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;background:#f3f4f6;padding:1px 5px;border-radius:4px}
ul.reasons{margin:0;padding-left:16px}
ul.reasons li{margin:0 0 2px}
.meter{display:inline-block;width:54px;height:6px;background:#e5e7eb;border-radius:3px;vertical-align:middle;margin-right:6px;overflow:hidden}
.meter span{display:block;height:100%;background:var(--accent)}
.tag{font-size:11px;background:var(--accent-soft);color:#1e40af;border-radius:4px;padding:0 5px}
.flag{font-size:11px;background:#fee2e2;color:var(--flag);border-radius:4px;padding:0 5px;margin-left:4px}
.search{display:flex;align-items:center;gap:12px;margin:4px 0 12px}
.search input{flex:1;max-width:460px;padding:8px 12px;border:1px solid #d1d5db;border-radius:8px;font:inherit}
.search input:focus{outline:2px solid var(--accent-soft);border-color:var(--accent)}
svg.chart{display:block;max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
svg.chart .bar{fill:var(--accent)}
svg.chart .track{fill:#eef2f7}
svg.chart .axis{stroke:#9ca3af}
svg.chart .label{fill:#4b5563}
svg.chart .value{fill:#111827;font-weight:600}
footer{color:var(--muted);font-size:12px;padding:6px 24px 30px}
@media print{header{background:none;color:#000}nav,.search{display:none}section{break-inside:avoid;border-color:#ccc}}
`;

/**
 * The report's only script: filters the match table as the admin types (all words must appear,
 * case-insensitive). It reads the page's own text and embeds no data, so nothing a participant
 * wrote ever lands inside a script.
 */
export const REPORT_SCRIPT = `
(function () {
  var input = document.getElementById("match-search");
  var count = document.getElementById("match-count");
  if (!input) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("#match-table tbody tr"));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r, k) {
      var ok = words.every(function (w) { return texts[k].indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = String(shown);
  });
})();
`;
