// The demo company: 星河智能科技有限公司 (Xinghe Intelligence Technology), a fictional corp.
// Everything is fixed so that tests and screenshots are repeatable.

import { MOCK_ADMIN_TAG_ID } from './credentials';
import type { Department, ExtAttr, ExternalProfile, Gender, Member, MemberStatus, Tag } from './types';

export const SEED_CORP_NAME = '星河智能科技有限公司';
export const LINKED_CORP_ID = 'wwlinkedc0rp000002';
export const CONTRACTORS_DEPARTMENT_ID = 15;

/** Userids picked for tests: each stands for one case the app must handle. */
export const DEMO = {
  ceo: 'zhangwei',
  /** An ordinary active member with every field filled in (address, extattr, external profile). */
  engineer: 'hejing',
  withDot: 'li.na',
  withDash: 'wang-fang',
  withUnderscore: 'liu_yang',
  withAt: 'chen.jie@hq',
  disabled: 'zhulin',
  inactive: 'zhengshuang',
  left: 'donghao',
  linkedCorp: `${LINKED_CORP_ID}/zhao.lei`,
  /** In 外包供应商, outside the app's visible range: user/get answers 60011. */
  outsideRange: 'weidong',
  /** Members of tag 1 "门户管理员"; songtao is the IT lead. */
  admins: ['songtao', 'wang-fang'],
  itLead: 'songtao',
  /** What auth/getuserinfo returns for the "non-member WeChat user" choice. */
  nonMemberOpenId: 'oXh7Q0d3mockGuestOpenId00001',
  nonMemberExternalUserId: 'wmXh7Q0d3mockGuestExternal001',
} as const;

export const SEED_DEPARTMENTS: Department[] = [
  dept(1, SEED_CORP_NAME, 'Xinghe Intelligence Technology', 0, 100000000, ['zhangwei']),
  dept(2, '总经办', 'CEO Office', 1, 99999000, ['zhangwei']),
  dept(3, '技术中心', 'Technology Center', 1, 99998000, ['wangqiang']),
  dept(4, '平台研发部', 'Platform R&D', 3, 99997000, ['liu_yang']),
  dept(5, '前端组', 'Frontend Team', 4, 99996000, ['zhaomin']),
  dept(6, '后端组', 'Backend Team', 4, 99995000, ['huanglei']),
  dept(7, '产品设计部', 'Product & Design', 3, 99994000, ['guoxiao']),
  dept(8, '信息技术部', 'IT Department', 3, 99993000, ['songtao']),
  dept(9, '市场部', 'Marketing', 1, 99992000, ['tangli']),
  dept(10, '销售部', 'Sales', 1, 99991000, ['chenggang']),
  dept(11, '华东销售组', 'East China Sales', 10, 99990000, ['caoyang']),
  dept(12, '华南销售组', 'South China Sales', 10, 99989000, ['fulei']),
  dept(13, '人力行政部', 'HR & Administration', 1, 99988000, ['wang-fang']),
  dept(14, '财务部', 'Finance', 1, 99987000, ['caiqin']),
  dept(CONTRACTORS_DEPARTMENT_ID, '外包供应商', 'Contractors', 1, 99986000, ['weidong']),
  dept(16, '外包测试组', 'Contract QA', CONTRACTORS_DEPARTMENT_ID, 99985000, []),
];

/**
 * The app's visible range: these departments and everything below them, so 外包供应商 stays
 * invisible. The root (1) is listed too, as the top of the tree (see directory.ts).
 */
export const SEED_VISIBLE_DEPARTMENT_ROOTS = [2, 3, 9, 10, 13, 14];

const companyChannels = { nickname: '星河智能科技', status: 1 };

const contactCard: ExtAttr[] = [
  { type: 0, name: '办公地点', text: { value: '上海市徐汇区云锦路 500 号 18 楼' } },
  { type: 1, name: '官网', web: { url: 'https://xinghe-ai.example.com', title: '星河智能' } },
  {
    type: 2,
    name: '预约拜访',
    miniprogram: { appid: 'wx8a2f00d5c0ffee99', pagepath: 'pages/visit/index', title: '预约拜访' },
  },
];

function externalProfile(): ExternalProfile {
  return { external_corp_name: '星河智能', wechat_channels: companyChannels, external_attr: contactCard };
}

function personalPage(userid: string): ExtAttr {
  return { type: 1, name: '个人主页', web: { url: `https://wiki.xinghe-ai.example.com/people/${userid}`, title: '个人主页' } };
}

function businessCard(userid: string): ExtAttr {
  return {
    type: 2,
    name: '电子名片',
    miniprogram: { appid: 'wx8a2f00d5c0ffee98', pagepath: `pages/card/index?u=${encodeURIComponent(userid)}`, title: '电子名片' },
  };
}

interface MemberSpec {
  userid: string;
  name: string;
  alias: string;
  position: string;
  /** The first department is the main one. */
  depts: number[];
  leads?: number[];
  leaders?: string[];
  gender: Gender;
  status?: MemberStatus;
  address?: string;
  extattr?: ExtAttr[];
  external?: boolean;
  externalPosition?: string;
}

let memberNumber = 0;

function member(spec: MemberSpec): Member {
  memberNumber += 1;
  const n = String(memberNumber).padStart(4, '0');
  const mailName = spec.alias.toLowerCase().replace(/\s+/g, '.');
  return {
    userid: spec.userid,
    name: spec.name,
    alias: spec.alias,
    position: spec.position,
    department: spec.depts,
    order: spec.depts.map(() => 1000 - memberNumber),
    is_leader_in_dept: spec.depts.map((d) => (spec.leads?.includes(d) ? 1 : 0)),
    direct_leader: spec.leaders ?? [],
    main_department: spec.depts[0],
    telephone: `021-6088${n}`,
    status: spec.status ?? 1,
    private: {
      gender: spec.gender,
      mobile: `1380013${n}`,
      email: `${mailName}@mail.example.com`,
      biz_mail: `${mailName}@xinghe-ai.example.com`,
      ...(spec.address ? { address: spec.address } : {}),
    },
    ...(spec.externalPosition ? { external_position: spec.externalPosition } : {}),
    ...(spec.external ? { external_profile: externalProfile() } : {}),
    extattr: [{ type: 0, name: '工号', text: { value: `XH${n}` } }, ...(spec.extattr ?? [])],
  };
}

function dept(id: number, name: string, nameEn: string, parentid: number, order: number, leaders: string[]): Department {
  return { id, name, name_en: nameEn, parentid, order, department_leader: leaders };
}

export const SEED_MEMBERS: Member[] = [
  // 总经办
  member({ userid: 'zhangwei', name: '张伟', alias: 'David Zhang', position: '首席执行官', depts: [2, 1], leads: [2, 1], gender: '1', address: '上海市徐汇区云锦路 500 号', external: true, externalPosition: 'CEO', extattr: [personalPage('zhangwei'), businessCard('zhangwei')] }),
  member({ userid: 'li.na', name: '李娜', alias: 'Nina Li', position: '总经理助理', depts: [2], leaders: ['zhangwei'], gender: '2', extattr: [businessCard('li.na')] }),
  // 技术中心
  member({ userid: 'wangqiang', name: '王强', alias: 'Kevin Wang', position: '首席技术官', depts: [3], leads: [3], leaders: ['zhangwei'], gender: '1', external: true, externalPosition: 'CTO' }),
  member({ userid: 'liu_yang', name: '刘洋', alias: 'Leo Liu', position: '研发总监', depts: [4, 6], leads: [4], leaders: ['wangqiang'], gender: '1', extattr: [personalPage('liu_yang')] }),
  // 前端组
  member({ userid: 'zhaomin', name: '赵敏', alias: 'Grace Zhao', position: '前端组长', depts: [5], leads: [5], leaders: ['liu_yang'], gender: '2' }),
  member({ userid: 'chen.jie@hq', name: '陈杰', alias: 'Jack Chen', position: '高级前端工程师', depts: [5], leaders: ['zhaomin'], gender: '1' }),
  member({ userid: 'sunyue', name: '孙悦', alias: 'Yolanda Sun', position: '前端工程师', depts: [5, 7], leaders: ['zhaomin'], gender: '2' }),
  member({ userid: 'zhou.ting', name: '周婷', alias: 'Tina Zhou', position: '前端工程师', depts: [5], leaders: ['zhaomin'], gender: '2' }),
  member({ userid: 'wuhao', name: '吴昊', alias: 'Howard Wu', position: '前端实习生', depts: [5], leaders: ['zhaomin'], gender: '1' }),
  member({ userid: 'zhengshuang', name: '郑爽', alias: 'Shirley Zheng', position: '前端工程师', depts: [5], leaders: ['zhaomin'], gender: '2', status: 4 }),
  // 后端组
  member({ userid: 'huanglei', name: '黄磊', alias: 'Ray Huang', position: '后端组长', depts: [6], leads: [6], leaders: ['liu_yang'], gender: '1' }),
  member({ userid: 'hejing', name: '何静', alias: 'Jean He', position: '后端工程师', depts: [6], leaders: ['huanglei'], gender: '2', address: '上海市闵行区虹梅路 1801 号', external: true, externalPosition: '技术顾问', extattr: [personalPage('hejing'), businessCard('hejing')] }),
  member({ userid: 'lin-feng', name: '林峰', alias: 'Frank Lin', position: '后端工程师', depts: [6], leaders: ['huanglei'], gender: '1' }),
  member({ userid: 'machao', name: '马超', alias: 'Chris Ma', position: '数据库工程师', depts: [6], leaders: ['huanglei'], gender: '1' }),
  member({ userid: 'zhulin', name: '朱琳', alias: 'Lynn Zhu', position: '后端工程师', depts: [6], leaders: ['huanglei'], gender: '2', status: 2 }),
  member({ userid: 'hubin', name: '胡斌', alias: 'Ben Hu', position: '运维开发工程师', depts: [6, 8], leaders: ['huanglei'], gender: '1' }),
  // 产品设计部
  member({ userid: 'guoxiao', name: '郭晓', alias: 'Sean Guo', position: '产品总监', depts: [7], leads: [7], leaders: ['wangqiang'], gender: '1', extattr: [personalPage('guoxiao')] }),
  member({ userid: 'gaoyuan', name: '高远', alias: 'Evan Gao', position: '产品经理', depts: [7], leaders: ['guoxiao'], gender: '1' }),
  member({ userid: 'luodan', name: '罗丹', alias: 'Dana Luo', position: '视觉设计师', depts: [7], leaders: ['guoxiao'], gender: '2' }),
  member({ userid: 'liangchen', name: '梁晨', alias: 'Morning Liang', position: '交互设计师', depts: [7], leaders: ['guoxiao'], gender: '0' }),
  // 信息技术部
  member({ userid: 'songtao', name: '宋涛', alias: 'Tom Song', position: 'IT 负责人', depts: [8], leads: [8], leaders: ['wangqiang'], gender: '1', address: '上海市徐汇区云锦路 500 号 18 楼', extattr: [personalPage('songtao')] }),
  member({ userid: 'xie.ting', name: '谢婷', alias: 'Tiffany Xie', position: '桌面支持工程师', depts: [8], leaders: ['songtao'], gender: '2' }),
  member({ userid: 'hanxue', name: '韩雪', alias: 'Snow Han', position: '信息安全工程师', depts: [8], leaders: ['songtao'], gender: '2' }),
  // 市场部
  member({ userid: 'tangli', name: '唐丽', alias: 'Lily Tang', position: '市场总监', depts: [9], leads: [9], leaders: ['zhangwei'], gender: '2', external: true, externalPosition: '市场总监' }),
  member({ userid: 'fengyu', name: '冯雨', alias: 'Rain Feng', position: '品牌经理', depts: [9], leaders: ['tangli'], gender: '2' }),
  member({ userid: 'yujie', name: '于洁', alias: 'Jessie Yu', position: '新媒体运营', depts: [9], leaders: ['tangli'], gender: '2' }),
  member({ userid: 'donghao', name: '董浩', alias: 'Hal Dong', position: '活动策划', depts: [9], leaders: ['tangli'], gender: '1', status: 5 }),
  // 销售部
  member({ userid: 'chenggang', name: '程刚', alias: 'Gary Cheng', position: '销售副总裁', depts: [10], leads: [10], leaders: ['zhangwei'], gender: '1', external: true, externalPosition: '销售副总裁', extattr: [businessCard('chenggang')] }),
  member({ userid: 'caoyang', name: '曹阳', alias: 'Sunny Cao', position: '华东区销售经理', depts: [11], leads: [11], leaders: ['chenggang'], gender: '1', external: true, externalPosition: '客户经理' }),
  member({ userid: 'yuanye', name: '袁野', alias: 'Wade Yuan', position: '客户经理', depts: [11], leaders: ['caoyang'], gender: '1' }),
  member({ userid: 'deng.chao', name: '邓超', alias: 'Charles Deng', position: '客户经理', depts: [11], leaders: ['caoyang'], gender: '1' }),
  member({ userid: 'xuqing', name: '许晴', alias: 'Clara Xu', position: '销售助理', depts: [11], leaders: ['caoyang'], gender: '2', status: 4 }),
  member({ userid: 'fulei', name: '傅雷', alias: 'Lewis Fu', position: '华南区销售经理', depts: [12], leads: [12], leaders: ['chenggang'], gender: '1', external: true, externalPosition: '客户经理' }),
  member({ userid: 'shenjia', name: '沈佳', alias: 'Jia Shen', position: '客户经理', depts: [12], leaders: ['fulei'], gender: '2' }),
  member({ userid: 'zengmin', name: '曾敏', alias: 'Mindy Zeng', position: '客户经理', depts: [12], leaders: ['fulei'], gender: '2' }),
  member({ userid: 'pengfei', name: '彭飞', alias: 'Felix Peng', position: '售前工程师', depts: [12, 6], leaders: ['fulei'], gender: '1' }),
  // 人力行政部
  member({ userid: 'wang-fang', name: '王芳', alias: 'Fiona Wang', position: '人力资源总监', depts: [13, 2], leads: [13], leaders: ['zhangwei'], gender: '2', address: '上海市长宁区天山路 600 号', extattr: [personalPage('wang-fang')] }),
  member({ userid: 'lvping', name: '吕萍', alias: 'Penny Lv', position: '招聘专员', depts: [13], leaders: ['wang-fang'], gender: '2' }),
  member({ userid: 'suchang', name: '苏畅', alias: 'Chang Su', position: '行政专员', depts: [13], leaders: ['wang-fang'], gender: '1' }),
  member({ userid: 'jiangwen', name: '蒋文', alias: 'Vincent Jiang', position: '薪酬专员', depts: [13], leaders: ['wang-fang'], gender: '1' }),
  // 财务部
  member({ userid: 'caiqin', name: '蔡琴', alias: 'Cathy Cai', position: '财务总监', depts: [14], leads: [14], leaders: ['zhangwei'], gender: '2' }),
  member({ userid: 'jiajing', name: '贾静', alias: 'Janet Jia', position: '会计', depts: [14], leaders: ['caiqin'], gender: '2' }),
  member({ userid: 'dingning', name: '丁宁', alias: 'Nick Ding', position: '出纳', depts: [14], leaders: ['caiqin'], gender: '1' }),
  // 外包供应商: outside the visible range
  member({ userid: 'weidong', name: '魏东', alias: 'Wade Wei', position: '外包项目经理', depts: [CONTRACTORS_DEPARTMENT_ID], leads: [CONTRACTORS_DEPARTMENT_ID], gender: '1' }),
  member({ userid: 'xuekai', name: '薛凯', alias: 'Kai Xue', position: '外包测试工程师', depts: [16], leaders: ['weidong'], gender: '1' }),
  member({ userid: 'yeqing', name: '叶青', alias: 'Ivy Ye', position: '外包测试工程师', depts: [16], leaders: ['weidong'], gender: '2' }),
];

/** A member of the linked (upstream/downstream) corp; no local department holds them. */
export const SEED_LINKED_MEMBERS: Member[] = [
  {
    ...member({ userid: DEMO.linkedCorp, name: '赵磊', alias: 'Leon Zhao', position: '物流协调员', depts: [], gender: '1' }),
    main_department: 0,
    linkedCorp: true,
  },
];

export const SEED_TAGS: Tag[] = [
  { tagid: MOCK_ADMIN_TAG_ID, tagname: '门户管理员', userids: [...DEMO.admins], partyids: [] },
  { tagid: 2, tagname: '新员工', userids: ['wuhao', 'zhengshuang', 'xuqing'], partyids: [] },
];
