import { html } from 'hono/html';

// Charts drawn on the server as SVG: no script, nothing to load, readable by the page's table
// beside each (the accessible form of the same numbers). Colours by attribute, since the page's
// policy allows no inline style; drawn left to right (oldest day first) in Arabic pages too.
const COLORS = ['#0b4f6c', '#c62828', '#f9a825', '#2e7d32', '#8e24aa', '#6d4c41'];
const W = 640;
const H = 220;
const PAD = 28;

/** Stacked bars, one per label, one colour per series; `title` names the chart for screen readers. */
export function barChart(title: string, labels: string[], series: { name: string; values: number[] }[]) {
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = (W - 2 * PAD) / Math.max(1, labels.length);
  const bar = Math.max(2, step * 0.75);
  const rects = labels.flatMap((_, i) => {
    let y = H - PAD;
    return series.map((s, k) => {
      const h = ((s.values[i] ?? 0) / max) * (H - 2 * PAD);
      y -= h;
      return html`<rect x="${(PAD + i * step).toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[k % COLORS.length]}"><title>${labels[i]} · ${s.name}: ${s.values[i] ?? 0}</title></rect>`;
    });
  });
  const legend = series.map((s, k) => html`<rect x="${PAD + k * 110}" y="4" width="10" height="10" fill="${COLORS[k % COLORS.length]}"></rect><text x="${PAD + k * 110 + 14}" y="13" font-size="11">${s.name}</text>`);
  return html`<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${W} ${H}" width="100%" direction="ltr" xmlns="http://www.w3.org/2000/svg">
<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#888"></line>
<text x="${PAD}" y="${PAD - 4}" font-size="10">${max}</text>
${rects}${legend}
<text x="${PAD}" y="${H - 8}" font-size="10">${labels[0] ?? ''}</text><text x="${W - PAD}" y="${H - 8}" font-size="10" text-anchor="end">${labels.at(-1) ?? ''}</text>
</svg>`;
}
