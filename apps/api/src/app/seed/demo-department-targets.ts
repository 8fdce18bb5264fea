import { DemoStep } from './demo-sheet-states';

/** A department indicator as published: 一级, 二级, 三级, 指标性质, 指标值, 度量单位. */
type DemoRow = [string, string, string, string, string, string];

export interface DemoDepartmentTarget {
  department: string;
  duties: string[];
  tasks: { name: string; content: string }[];
  budget: { total: string; basic: string; project: string; appropriation: string; carryOver: string; other: string };
  rows: DemoRow[];
  steps: DemoStep[];
}

/**
 * 2026 部门整体绩效目标 of the two demo departments. The seeds publish no 2026 department table, so the
 * budget comes from each 2026 部门预算 (收支总表 and 支出总表), and the duties and indicators from the
 * 政府办's 2024 部门整体支出绩效自评表 and the 信访局's 2026 部门项目绩效目标表.
 */
export const DEMO_DEPARTMENT_TARGETS: DemoDepartmentTarget[] = [
  {
    department: '曲靖市人民政府办公室',
    duties: [
      '认真领会中央、省、市有关政策精神实质，高标准高质量牵头完成政府工作报告等文稿起草工作。',
      '认真履行“三服务”职能，做好“三办”工作，机关办事人员满意度达到 90% 以上。',
      '抓好社情民意、经验典型、问题建议类信息的调研报送和撰写编发，报送《曲靖信息快报》不少于 60 期。',
      '做好督查督办工作，督办调研次数不少于 20 次，推动市委、市政府各项决策部署落地落实。',
      '抓好政府信息公开和政府门户网站维护，政务信息公开及时率达 100%，门户网站故障率小于 5%。',
    ],
    tasks: [
      { name: '文稿起草', content: '牵头起草政府工作报告等重要文稿，政府工作报告人代会通过。' },
      { name: '督查督办', content: '开展督办、调研不少于 20 次，办理代表建议、政协提案不少于 10 次。' },
      { name: '政务信息与公开', content: '编报《曲靖信息快报》不少于 60 期，印发《曲靖市人民政府公报》4 万册，及时公开政府信息。' },
      { name: '干部培训', content: '开展干部职工教育培训不少于 2 次，培训计划完成率不低于 90%。' },
    ],
    budget: { total: '27140532.56', basic: '24350532.56', project: '2790000.00', appropriation: '27140532.56', carryOver: '0.00', other: '0.00' },
    rows: [
      ['产出指标', '数量指标', '督办、调研次数', '>=', '20', '次'],
      ['产出指标', '数量指标', '代表建议、政协提案办理次数', '>=', '10', '次'],
      ['产出指标', '数量指标', '编报《曲靖信息快报》期数', '>=', '60', '期'],
      ['产出指标', '数量指标', '《曲靖市人民政府公报》印发册数', '>=', '40000', '册'],
      ['产出指标', '数量指标', '开展培训次数', '>=', '2', '次'],
      ['产出指标', '质量指标', '门户网站故障率', '<=', '5', '%'],
      ['产出指标', '质量指标', '培训计划完成率', '>=', '90', '%'],
      ['产出指标', '时效指标', '政府信息公开及时率', '=', '100', '%'],
      ['效益指标', '社会效益指标', '门户网站访问人数增加率', '>=', '5', '%'],
      ['效益指标', '社会效益指标', '提案议案督办办理效率提升率', '>=', '5', '%'],
      ['满意度指标', '服务对象满意度指标', '机关办事人员满意度', '>=', '90', '%'],
    ],
    steps: [{ as: 'zfb.reviewer', action: 'submit' }],
  },
  {
    department: '曲靖市信访局',
    duties: [
      '规范“12345”政务服务便民热线受理办理流程，提高电话接通率和群众满意度。',
      '落实领导包案制度，化解信访积案，降低上访率。',
    ],
    tasks: [
      { name: '政务热线', content: '热线话务人员不少于 33 人，每月接听话务量不少于 18000 个，电话接通率不低于 95%。' },
      { name: '信访积案化解', content: '领导包案化解信访问题结案率不低于 85%，建立健全信访快速协调联动机制。' },
    ],
    budget: { total: '10715271.89', basic: '6815871.89', project: '3899400.00', appropriation: '10715271.89', carryOver: '0.00', other: '0.00' },
    rows: [
      ['产出指标', '数量指标', '每月接听话务量', '>=', '18000', '个'],
      ['产出指标', '质量指标', '电话接通率', '>=', '95', '%'],
      ['效益指标', '社会效益指标', '降低上访率', '>=', '90', '%'],
      ['效益指标', '社会效益指标', '领导包案化解信访问题结案率', '>=', '85', '%'],
    ],
    steps: [
      { as: 'xfj.reviewer', action: 'submit' },
      { as: 'finance', action: 'return', comment: '未设置满意度指标，请补充上访群众满意度等指标后重新提交。' },
    ],
  },
];
