import type { ChartType, Plugin } from 'chart.js';

// Horizontal reference lines across a chart (a position's liquidation price and stop, a
// loan's margin-call and liquidation LTV), each with its label written on the line.

export interface Level {
  /** Written at the right end of the line, e.g. "BTCUSDT short · liquidation". */
  label: string;
  /** Where the line is drawn, in the chart's y units. */
  value: number;
  color: string;
  /** Canvas line dash: [6, 4] dashed, [2, 3] dotted. */
  dash: number[];
}

export interface LevelLinesOptions {
  levels: Level[];
  font: string;
  background: string;
}

declare module 'chart.js' {
  // Merging needs chart.js's own type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    levelLines?: LevelLinesOptions;
  }
}

export const DASHED = [6, 4];
export const DOTTED = [2, 3];

const LABEL_HEIGHT = 14;

export const levelLinesPlugin: Plugin<'line', LevelLinesOptions> = {
  id: 'levelLines',
  afterDatasetsDraw(chart, _args, options) {
    const levels = options.levels ?? [];
    const y = chart.scales.y;
    if (!y || levels.length === 0) return;
    const { left, right, top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = options.font;
    ctx.textAlign = 'right';
    const placed: number[] = [];
    const drawn = levels
      .map((level) => ({ level, at: y.getPixelForValue(level.value) }))
      .filter(({ at }) => at >= top && at <= bottom)
      .sort((a, b) => a.at - b.at);
    for (const { level, at } of drawn) {
      ctx.strokeStyle = level.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(level.dash);
      ctx.beginPath();
      ctx.moveTo(left, at);
      ctx.lineTo(right, at);
      ctx.stroke();
      // The label sits above its line, or below when the one above is too close.
      const clash = placed.some((other) => Math.abs(other - (at - 3)) < LABEL_HEIGHT);
      const baseline = clash || at - LABEL_HEIGHT < top ? at + LABEL_HEIGHT : at - 3;
      placed.push(baseline);
      const width = ctx.measureText(level.label).width;
      ctx.fillStyle = options.background;
      ctx.fillRect(right - width - 8, baseline - LABEL_HEIGHT + 3, width + 6, LABEL_HEIGHT);
      ctx.fillStyle = level.color;
      ctx.fillText(level.label, right - 5, baseline);
    }
    ctx.restore();
  },
};
