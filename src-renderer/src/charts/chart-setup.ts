import {
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only the chart.js pieces RigLedger draws with: line charts on linear axes (time is a
// linear axis of epoch milliseconds, so no date adapter is needed), tooltips and legends.

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend, Filler);
