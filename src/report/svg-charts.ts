import { escapeHtml } from "./html-escape.js";

/** One bar: its label, its value, and the tooltip text (escaped here). */
export interface Bar {
  label: string;
  value: number;
  title?: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A vertical bar chart (e.g. a histogram) as inline SVG: bars scaled to the largest value, the
 * value above each bar, labels under it, a baseline. Every label is escaped.
 */
export function columnChart(bars: readonly Bar[], options: { width?: number; height?: number; ariaLabel: string; format?: (v: number) => string }): string {
  const width = options.width ?? 560;
  const height = options.height ?? 220;
  const format = options.format ?? ((v: number) => String(v));
  const top = 20;
  const bottom = 34;
  const plot = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = width / Math.max(1, bars.length);
  const barWidth = Math.max(4, slot * 0.72);
  const parts: string[] = [];
  bars.forEach((b, k) => {
    const h = (b.value / max) * plot;
    const x = k * slot + (slot - barWidth) / 2;
    const y = top + plot - h;
    const cx = k * slot + slot / 2;
    parts.push(
      `<g><title>${escapeHtml(b.title ?? `${b.label}: ${format(b.value)}`)}</title>` +
        `<rect class="bar" x="${round1(x)}" y="${round1(y)}" width="${round1(barWidth)}" height="${round1(Math.max(h, b.value > 0 ? 1 : 0))}" rx="2"></rect>` +
        (b.value > 0 ? `<text class="value" x="${round1(cx)}" y="${round1(y - 5)}" text-anchor="middle">${escapeHtml(format(b.value))}</text>` : "") +
        `<text class="label" x="${round1(cx)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(b.label)}</text></g>`,
    );
  });
  const axis = `<line class="axis" x1="0" x2="${width}" y1="${top + plot + 0.5}" y2="${top + plot + 0.5}"></line>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-label="${escapeHtml(options.ariaLabel)}" xmlns="http://www.w3.org/2000/svg">${axis}${parts.join("")}</svg>`;
}

/**
 * A horizontal bar chart as inline SVG: one row per bar with its label on the left and the
 * formatted value on the right, bars scaled to `max` (default the largest value).
 */
export function barChart(bars: readonly Bar[], options: { width?: number; ariaLabel: string; format?: (v: number) => string; max?: number; labelWidth?: number }): string {
  const width = options.width ?? 560;
  const rowHeight = 26;
  const labelWidth = options.labelWidth ?? 150;
  const valueWidth = 70;
  const format = options.format ?? ((v: number) => String(v));
  const max = options.max ?? Math.max(1e-9, ...bars.map((b) => b.value));
  const plot = width - labelWidth - valueWidth;
  const height = bars.length * rowHeight + 4;
  const rows = bars.map((b, k) => {
    const y = k * rowHeight + 4;
    const w = Math.max(0, Math.min(1, b.value / max)) * plot;
    return (
      `<g><title>${escapeHtml(b.title ?? `${b.label}: ${format(b.value)}`)}</title>` +
      `<text class="label" x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(b.label)}</text>` +
      `<rect class="track" x="${labelWidth}" y="${y + 2}" width="${round1(plot)}" height="16" rx="3"></rect>` +
      `<rect class="bar" x="${labelWidth}" y="${y + 2}" width="${round1(w)}" height="16" rx="3"></rect>` +
      `<text class="value" x="${width - valueWidth + 8}" y="${y + 14}">${escapeHtml(format(b.value))}</text></g>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-label="${escapeHtml(options.ariaLabel)}" xmlns="http://www.w3.org/2000/svg">${rows.join("")}</svg>`;
}
