/// The report page's inline stylesheet: a desktop layout, one column below 700 px (cards, charts and side-by-side
/// tables stack; each chart switches to its narrow drawing; tables scroll in their own box; hashes wrap), and an A4
/// print layout (each part on a new page, rows and charts never split, the title block with the ledger head and the
/// as-of date on the first page).
enum HTMLStyle {
    static let css = """
    *{box-sizing:border-box}
    body{margin:0;background:#f4f2ee;color:#1d2630;font:15px/1.5 "Helvetica Neue",Arial,"Liberation Sans",sans-serif;-webkit-text-size-adjust:100%}
    main{max-width:1180px;margin:0 auto;padding:28px 36px 48px;background:#fff}
    header{border-bottom:3px solid #1f5f8b;padding-bottom:14px;margin-bottom:18px}
    .kicker{text-transform:uppercase;letter-spacing:.12em;font-size:12px;color:#5b6b7a}
    h1{font:600 30px/1.2 Georgia,"DejaVu Serif",serif;margin:4px 0 10px;color:#123}
    h2{font:600 21px/1.3 Georgia,"DejaVu Serif",serif;margin:34px 0 10px;color:#123;border-bottom:1px solid #d9d4ca;padding-bottom:4px}
    h3{font-size:16px;margin:22px 0 8px;color:#2b3a48}
    .meta{display:flex;flex-wrap:wrap;gap:4px 22px}.meta b,.hash b,.params b{color:#5b6b7a;font-weight:600;margin-right:4px}
    .hash{margin:6px 0 0;font-size:12.5px}.hint{color:#7a8794;margin-left:8px}.hint code{word-break:normal;white-space:nowrap}
    code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.92em;word-break:break-all;overflow-wrap:anywhere}
    .cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:16px 0 8px}
    .card{border:1px solid #d9d4ca;border-left:5px solid #1f5f8b;padding:10px 12px;background:#fbfaf8;min-width:0}
    .card.good{border-left-color:#3f8f5f}.card.bad{border-left-color:#b5483a;background:#fdf1ef}
    .card .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#5b6b7a}
    .card .value{font-size:20px;font-weight:700;margin:3px 0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
    .card .note{font-size:12.5px;color:#5b6b7a}
    .brief ul{margin:6px 0 0 0;padding-left:20px;font-size:15.5px;line-height:1.6}.brief li{margin-bottom:4px}
    .grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:12px}
    .pair{display:grid;grid-template-columns:3fr 2fr;gap:18px;align-items:start}.pair>div{min-width:0}
    figure{margin:10px 0;border:1px solid #e4e0d8;padding:10px 12px;background:#fff;min-width:0}
    figcaption{font-weight:600;font-size:14px;margin-bottom:6px;color:#3a4a5a}
    svg.chart{display:block;width:100%;height:auto}
    figure.wide svg.chart-wide{max-width:980px}
    .chart-narrow{display:none!important}
    svg .grid{stroke:#e8e4dc;stroke-width:1}svg .axisline{stroke:#7a8794;stroke-width:1}
    svg .tick{font-size:11.5px;fill:#4a5866}svg .tick.year{font-weight:600}svg .axis{font-size:12px;fill:#2b3a48;font-weight:600}
    svg .legend{font-size:12px;fill:#1d2630}
    svg .wf-label{font-size:13px;fill:#2b3a48;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}svg .wf-value{font-size:13px;fill:#1d2630;font-variant-numeric:tabular-nums}
    svg .total{font-weight:700}svg .wf-link{stroke:#9aa5af;stroke-width:1;stroke-dasharray:3 2}
    .params{font-size:13px;margin:2px 0 6px;display:flex;flex-wrap:wrap;gap:2px 18px}
    .scroll{overflow-x:auto;max-width:100%;margin-bottom:6px;border:1px solid #ebe7e0}
    table{border-collapse:collapse;width:100%;font-size:13px}
    caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    th{background:#eef2f5;color:#2b3a48;text-align:left;padding:6px 8px;border-bottom:2px solid #c9d3dc;vertical-align:bottom;font-weight:600}
    td{padding:4px 8px;border-bottom:1px solid #ebe7e0;white-space:nowrap}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    td.brk{white-space:normal;word-break:break-all;overflow-wrap:anywhere;min-width:12em;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
    tr.total td{font-weight:700;border-top:2px solid #7a8794;background:#f7f5f1}
    p.note{font-size:12.5px;color:#5b6b7a;margin:4px 0 10px}
    .verdict{font-weight:700;margin:6px 0}.verdict.good{color:#2f7a4c}.verdict.bad{color:#b5483a}
    .findings{margin:2px 0 8px;color:#b5483a}
    details{border:1px solid #e4e0d8;margin:10px 0;padding:6px 10px;background:#fbfaf8}
    summary{cursor:pointer;font-weight:600;padding:4px 0}
    footer{margin-top:28px;font-size:12px;color:#7a8794;border-top:1px solid #d9d4ca;padding-top:8px}
    @media (max-width:1000px){.pair{grid-template-columns:1fr}.cards{grid-template-columns:repeat(2,minmax(0,1fr))}.grid{grid-template-columns:repeat(2,minmax(0,1fr))}}
    @media (max-width:700px){
    main{padding:16px 14px 32px}
    h1{font-size:24px}h2{font-size:19px;margin-top:28px}
    .cards,.grid,.pair{grid-template-columns:1fr}
    .chart-wide{display:none!important}.chart-narrow{display:block!important}
    figure{padding:8px 6px;margin:8px 0}
    .hint{display:block;margin:2px 0 0}
    table{font-size:12.5px}th,td{padding:4px 6px}td:not(.num){white-space:normal;min-width:5em}
    }
    @page{size:A4;margin:14mm 12mm 14mm 12mm}
    @media print{
    body{background:#fff;font-size:10pt}
    main{max-width:none;padding:0}
    .part{break-before:page}
    h2,h3,figcaption{break-after:avoid}
    figure,.card,tr,.pair>div,.verdict{break-inside:avoid}
    h1{font-size:22pt}
    .cards{grid-template-columns:repeat(4,minmax(0,1fr));gap:8px}.card{padding:6px 8px}.card .value{font-size:12.5pt}
    .card .note,.card .label{font-size:8pt}
    .grid{grid-template-columns:repeat(3,minmax(0,1fr))}
    .chart-narrow{display:none!important}svg.chart-wide{display:block!important;max-width:100%}
    .scroll{overflow:visible;border:none}
    table{font-size:7.5pt}th,td{padding:2px 4px}td{white-space:normal}td.num{white-space:nowrap}
    thead{display:table-header-group}
    details{border:none;padding:0;background:none}
    details::details-content{content-visibility:visible;display:contents}
    summary{list-style:none;font:600 12pt Georgia,"DejaVu Serif",serif;margin:10px 0 4px}
    summary::-webkit-details-marker{display:none}
    footer{break-inside:avoid}
    }
    """
}
