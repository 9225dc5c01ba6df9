/**
 * chart.js with only what the dashboard's charts use (bars, lines, points, the category and linear
 * axes, the legend and tooltips) instead of `chart.js/auto`, which registers every chart type, scale
 * and plugin: less script to load and run on a slow phone.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip);

export { Chart };
