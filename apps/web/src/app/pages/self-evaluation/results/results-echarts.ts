import { ScatterChart } from 'echarts/charts';
import echarts from '../../monitoring/echarts-setup';

/** The dashboards' charts, and the scatter the results draw; loaded with the page. */
echarts.use([ScatterChart]);

export default echarts;
