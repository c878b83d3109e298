import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The page's inline CSS. Logical properties (`start`, `end`, `inline-start`) make one sheet serve both
/// directions; tables scroll inside their container, sideways when wide and under a sticky header when long.
/// No `url(`, no `@import`, no web font: the page loads nothing.
extension HTMLReport {
    static let css = """
        *{box-sizing:border-box}
        body{font-family:"Noto Sans","Noto Sans Arabic","Noto Naskh Arabic","Segoe UI",Tahoma,"DejaVu Sans",sans-serif;
        margin:0;padding:20px 28px 40px;color:#1f2328;background:#f6f7f9;line-height:1.5;font-size:15px}
        header h1{font-size:1.6em;margin:0 0 .4em;display:flex;align-items:center;gap:.6em;flex-wrap:wrap}
        .status{font-size:.55em;padding:.2em .8em;border-radius:1em;background:#ddd;color:#1f2328;font-weight:600}
        .status-committed{background:#dafbe1;color:#116329}.status-dry-run{background:#ddf4ff;color:#0a3069}
        .status-aborted,.status-failed{background:#ffebe9;color:#a40e26}
        dl.meta{display:flex;flex-wrap:wrap;gap:.3em 1.6em;margin:0;color:#57606a}
        dl.meta div{display:flex;gap:.4em}dl.meta dt::after{content:":"}dl.meta dd{margin:0;color:#1f2328}
        .failure{background:#ffebe9;border:1px solid #cf222e;border-radius:6px;padding:.6em .9em;margin:.8em 0 0}
        nav{display:flex;flex-wrap:wrap;gap:.4em 1.2em;margin:1em 0;padding:.5em 0;border-block:1px solid #d0d7de}
        nav a{color:#0969da;text-decoration:none}nav a:hover{text-decoration:underline}
        section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 18px 16px;margin:16px 0}
        h2{font-size:1.2em;margin:.2em 0 .7em}
        .cards{display:flex;flex-wrap:wrap;gap:12px;background:none;border:0;padding:0}
        .card{flex:1 1 170px;background:#fff;border:1px solid #d0d7de;border-inline-start:5px solid #8c959f;
        border-radius:8px;padding:10px 14px}
        .card span{display:block;color:#57606a;font-size:.9em}
        .card b{display:block;font-size:1.7em;font-variant-numeric:tabular-nums}
        .card small{color:#57606a}.card.ok{border-inline-start-color:#1a7f37}.card.bad{border-inline-start-color:#cf222e}
        .card.warn{border-inline-start-color:#bf8700}
        .scroll{overflow:auto;max-height:70vh;border:1px solid #d0d7de;border-radius:6px;margin:.6em 0}
        table{border-collapse:separate;border-spacing:0;width:100%;font-size:.9em}
        th,td{padding:5px 10px;border-bottom:1px solid #eaeef2;text-align:start;vertical-align:top}
        th{position:sticky;top:0;z-index:1;background:#eef1f4;border-bottom:1px solid #d0d7de;white-space:nowrap}
        tbody tr:nth-child(even) td{background:#fafbfc}tbody tr:hover td{background:#f1f8ff}
        th.n,td.n{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}
        td.v{min-width:8em;max-width:26em;overflow-wrap:anywhere}td.d{min-width:16em;max-width:40em}
        code,.mono{font-family:"DejaVu Sans Mono","Noto Sans Mono",monospace;font-size:.88em}
        code{white-space:nowrap;background:#f3f4f6;padding:0 .3em;border-radius:4px}td.mono,td.f{white-space:nowrap}
        .badge{display:inline-block;padding:0 .6em;border-radius:1em;font-size:.85em;white-space:nowrap}
        .badge.error{background:#ffebe9;color:#a40e26}.badge.warning{background:#fff8c5;color:#7d4e00}
        .note{color:#57606a;margin:.4em 0}
        .more{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.4em .8em;display:inline-block}
        footer{margin-top:2em;font-size:.85em}
        figure.chart{margin:.4em 0 1em;overflow-x:auto}figure.chart svg{display:block;max-width:none}
        figcaption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
        svg text{font-size:12px;fill:#1f2328;font-family:inherit}svg text.num,svg text.axis-label{fill:#57606a}
        svg text.band{font-weight:600}
        .bar.error{fill:#cf222e}.bar.warning{fill:#d4a72c}.bar.change{fill:#0969da}
        .bar.ok{fill:#2da44e}.bar.bad{fill:#cf222e}.bar.stopped{fill:#afb8c1}.bar.current{stroke:#1f2328;stroke-width:1.5}
        .axis{fill:#8c959f}.hit{fill:transparent}.hit:hover{fill:rgba(9,105,218,.08)}
        .bar.warn{fill:#d4a72c}svg text.value{font-size:10px;fill:#57606a}svg text.axis-title{fill:#57606a;font-style:italic}
        svg text.axis-label{font-size:10px}svg text.axis-label.current{font-weight:700;fill:#1f2328}
        details{margin:.4em 0}details>summary{cursor:pointer;color:#0969da}
        details.kind>summary{color:#1f2328;font-weight:600}
        @media print{body{background:#fff}.scroll{max-height:none;overflow:visible}th{position:static}nav{display:none}}

        """
}
