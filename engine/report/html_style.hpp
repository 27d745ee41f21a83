// The HTML report's style sheet (screen, narrow screen, paper) and its verdict icons, kept apart from the writer.
#pragma once

namespace sancheck::report {

// Inline styles only: the page must render offline, from an artifact store or an e-mail.
// Under 600 px each table row becomes a card whose cells are labelled by their column
// (data-label), so that nothing needs sideways scrolling on a phone. On paper, colours are
// not relied on: printers drop backgrounds by default and greyscale merges red and green,
// so verdicts keep their word and icon, badges become outlined, and a finding's verdict is
// also told by its border's style. Each scenario starts a page.
inline constexpr const char* kHtmlStyle = R"CSS(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:0;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px}h3{font-size:16px;margin:18px 0 6px}
section{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:4px 18px 14px;margin:16px 0}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #e6e8ec}
th{font-weight:600;background:#f0f2f5}code,.hash{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px}
td,li,p,h2,h3{overflow-wrap:anywhere}time{white-space:nowrap}
.hash{word-break:break-all}.muted{color:#5b6470}
.badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#fff;white-space:nowrap}
.icon{width:1.1em;height:1.1em;vertical-align:-.2em;margin-right:.25em;fill:none;stroke:currentColor;stroke-width:2.2;stroke-linecap:round;stroke-linejoin:round}
.icons{position:absolute;width:0;height:0;overflow:hidden}
.prohibited{background:#b42318}.review{background:#b54708}.permitted{background:#2e7d32}.waived{background:#475467}
.expired{background:#b42318}.unused{background:#b54708}.applied{background:#475467}
.result{font-size:18px;font-weight:700}.fail{color:#b42318}.pass{color:#2e7d32}
svg.chart{max-width:100%;height:auto}svg.chart text{fill:currentColor}
svg.chart rect.prohibited{fill:#b42318}svg.chart rect.review{fill:#b54708}svg.chart rect.permitted{fill:#2e7d32}
ul.findings{list-style:none;padding:0;margin:4px 0 10px}ul.findings>li{border-left:4px solid #d9dde3;padding:4px 10px;margin:6px 0;background:#fafbfc}
ul.findings>li.v-prohibited{border-color:#b42318}ul.findings>li.v-review{border-color:#b54708}ul.findings>li.v-permitted{border-color:#2e7d32}
.activity{margin-top:14px}table.kv th{width:14em}table.facts{font-size:14px}table.facts th{font-weight:500;background:none;color:#5b6470}
table.sign td{height:2.6em;border-bottom:1px solid #1d232a}table.sign td:first-of-type{width:30%}
@media (max-width:600px){
main{padding:12px 8px}section{padding:2px 10px 10px}h1{font-size:22px}
table,tbody,tr,th,td{display:block;width:auto}thead{display:none}
tbody>tr{border:1px solid #e6e8ec;border-radius:4px;margin:8px 0;padding:4px 0}
th,td{border:0;padding:2px 10px}td[data-label]::before{content:attr(data-label);display:block;font-size:12px;font-weight:600;color:#5b6470}
table.kv th{width:auto;background:none;color:#5b6470;font-size:13px}table.kv tr{border-width:0 0 1px;border-radius:0;margin:0}
table.sign td,table.sign td:first-of-type{width:auto}
}
@page{size:A4;margin:12mm}
@media print{
body{background:#fff;color:#000;font-size:10.5pt}main{max-width:none;padding:0}
section{border:0;border-radius:0;padding:0;margin:0 0 10pt}section.scenario,#rules{break-before:page}
h2,h3{break-after:avoid}tr,ul.findings>li,#signatures{break-inside:avoid}
.badge{color:#000;background:none;border:1px solid #000}.muted{color:#333}th,table.facts th{background:none;color:#000}
.fail,.pass{color:#000}ul.findings>li{background:none;border-left-color:#000}
ul.findings>li.v-review{border-left-style:dashed}ul.findings>li.v-permitted{border-left-style:dotted}
a{color:#000;text-decoration:none}a[href^="http"]::after{content:" <" attr(href) ">";font-size:9pt}
}
)CSS";

// One symbol per verdict, drawn in the badge's text colour (white on screen, black on
// paper): an X, a warning triangle, a check mark. Referenced with <use>, so each is written once.
inline constexpr const char* kHtmlIcons =
    "<svg class=\"icons\" aria-hidden=\"true\" focusable=\"false\">"
    "<symbol id=\"icon-prohibited\" viewBox=\"0 0 16 16\"><path d=\"M4 4l8 8M12 4l-8 8\"/></symbol>"
    "<symbol id=\"icon-review\" viewBox=\"0 0 16 16\"><path d=\"M8 2L14.5 13.5H1.5zM8 6.5v3M8 11.8v.1\"/></symbol>"
    "<symbol id=\"icon-permitted\" viewBox=\"0 0 16 16\"><path d=\"M3 8.5l3.2 3.2L13 4.5\"/></symbol>"
    "</svg>\n";

}  // namespace sancheck::report
