import { MOCK_APPS, MOCK_CORP_ID } from './credentials';

/** The variables of the configuration contract that point an app at a mock of WeCom. */
export function mockTenantEnv(mockUrl: string): Record<string, string> {
  return {
    WECOM_CORP_ID: MOCK_CORP_ID,
    WECOM_AGENT_ID: String(MOCK_APPS[0].agentId),
    WECOM_SECRET: MOCK_APPS[0].secret,
    WECOM_API_BASE: mockUrl,
    WECOM_OAUTH_URL: `${mockUrl}/connect/oauth2/authorize`,
    WECOM_SSO_URL: `${mockUrl}/wwlogin/sso/login`,
  };
}
