/// The report's stylesheet, inlined into the page: a system font stack, a readable measure,
/// colors with at least 4.5:1 contrast for text, and the chart and bar colors.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
          --ok-bg: #dafbe1; --ok-text: #0f5323; --ok-line: #4ac26b; --bad-bg: #fff1e5; --bad-text: #762c00; --bad-line: #fb8f44;
          --warn: #a40e26; --progress: #0969da; --delivered: #1a7f37; --terminal: #8c959f; --other: #bf8700; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: var(--text); line-height: 1.45;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 8px 24px;
          border-bottom: 1px solid var(--line); padding-bottom: 12px; }
        h1 { font-size: 24px; margin: 0; }
        h2 { font-size: 19px; margin: 36px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        .meta { color: var(--muted); margin: 0; }
        .meta code, td.code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
        .intro { color: var(--muted); margin: 0 0 12px; }
        .banner { margin: 20px 0 8px; padding: 14px 18px; border-radius: 8px; border: 1px solid; border-left-width: 6px; }
        .banner h2 { margin: 0; padding: 0; border: 0; font-size: 18px; }
        .banner ul { margin: 8px 0 0; padding-left: 20px; }
        .banner.ok { background: var(--ok-bg); color: var(--ok-text); border-color: var(--ok-line); }
        .banner.bad { background: var(--bad-bg); color: var(--bad-text); border-color: var(--bad-line); }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 0; padding: 0; list-style: none; }
        .figures li { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 130px; }
        .figures b { display: block; font-size: 22px; }
        .figures span { color: var(--muted); font-size: 13px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 14px; margin: 4px 0; }
        th, td { text-align: left; padding: 5px 12px 5px 0; border-bottom: 1px solid var(--line); vertical-align: baseline; }
        thead th { color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
        th.num, td.num { text-align: right; }
        td.warn { color: var(--warn); font-weight: 700; }
        td { white-space: nowrap; }
        td.code { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 420px; }
        tbody tr:nth-child(even) { background: #fbfcfd; }
        .empty { color: var(--muted); font-style: italic; margin: 8px 0; }
        table.funnel td { white-space: nowrap; padding-right: 20px; }
        table.funnel .channel { font-weight: 400; font-size: 12px; }
        table.funnel .n { display: inline-block; min-width: 3.2em; margin-right: 8px; text-align: right; font-variant-numeric: tabular-nums; }
        table.funnel td.zero .n { color: var(--muted); }
        table.funnel svg.bar { vertical-align: -1px; }
        table.funnel .track { fill: var(--soft); }
        table.funnel tr.progress .fill { fill: var(--progress); }
        table.funnel tr.delivered .fill { fill: var(--delivered); }
        table.funnel tr.terminal .fill { fill: var(--terminal); }
        table.funnel tr.other .fill { fill: var(--other); }
        table.funnel tr.group-start > *, table.funnel tr.terminal + tr.other > *, table.funnel tr.total > * { border-top: 2px solid var(--line); }
        table.funnel tr.total { font-weight: 600; }
        figure.chart { margin: 12px 0 20px; }
        figure.chart figcaption { color: var(--muted); margin-bottom: 4px; }
        figure.chart figcaption strong { color: var(--text); margin-right: 6px; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        svg .grid { stroke: #e6eaef; stroke-width: 1; }
        svg .day { stroke: #aeb7c0; stroke-width: 1; stroke-dasharray: 3 3; }
        svg .base { stroke: var(--muted); stroke-width: 1; }
        svg .axis { fill: var(--muted); font-size: 11px; font-family: inherit; }
        svg .line { fill: none; stroke-width: 1.5; stroke-linejoin: round; }
        svg .area { stroke: none; opacity: 0.18; }
        .s0 { stroke: #0969da; fill: #0969da; } .s1 { stroke: #8250df; fill: #8250df; }
        .s2 { stroke: #bc4c00; fill: #bc4c00; } .s3 { stroke: #1a7f37; fill: #1a7f37; }
        svg path.line { fill: none; }
        footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
        """
}
