// The fixed demo tenant. These values are public on purpose: they only open the local mock.
//
// Note: real WeCom secrets are 43 characters; these demo secrets are 46. They are kept as they are
// because the app's example configuration and tests already use them, so gettoken accepts a known
// secret before it applies the 43-character shape check (see qyapi/token-routes.ts).

export const MOCK_CORP_ID = 'ww8a2f00d5c0ffee01';

export const MOCK_APPS = [
  { agentId: 1000002, secret: 'mS1000002-kq7ZcB3xYwP9tR2vL5nH8jD4fG6sA0eU1iO3', name: '员工门户', description: '登录企业微信即可查看个人资料与公司通讯录' },
  { agentId: 1000003, secret: 'mS1000003-Tz8wQ1eR4tY7uI0oP3aS6dF9gH2jK5lZ8xC1', name: '审批助手', description: '请假、报销与采购审批' },
];

export const MOCK_ADMIN_TAG_ID = 1;

/** The app an in-app OAuth code belongs to when the authorize URL carried no agentid. */
export const DEFAULT_AGENT_ID = MOCK_APPS[0].agentId;

export function findAppByAgentId(agentId: number) {
  return MOCK_APPS.find((app) => app.agentId === agentId);
}
