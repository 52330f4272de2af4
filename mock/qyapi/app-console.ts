// The console settings in force for one app. They are the portal's (1000002, the app under test):
// a tenant misconfigures the app it runs, and a second app that stays healthy shows that the
// app reads its own settings. 审批助手 (1000003) keeps WeCom's defaults. The visible range and the
// trusted domains are the mock's one directory range and one set of login pages, shared by both.

import { MOCK_APPS } from '../credentials';
import { CONSOLE_DEFAULTS } from '../console-settings';
import type { MockState } from '../state';

/** The app whose console POST /__mock/settings edits. */
export const CONSOLE_AGENT_ID = MOCK_APPS[0].agentId;

export interface AppConsole {
  homeUrl: string;
  appDisabled: boolean;
  /** Empty: not enforced. */
  trustedIps: readonly string[];
}

export function appConsoleOf(state: MockState, agentId: number): AppConsole {
  if (agentId !== CONSOLE_AGENT_ID) return { ...CONSOLE_DEFAULTS };
  const { settings } = state;
  return {
    homeUrl: settings.homeUrl ?? CONSOLE_DEFAULTS.homeUrl,
    appDisabled: settings.appDisabled ?? CONSOLE_DEFAULTS.appDisabled,
    trustedIps: settings.trustedIps ?? CONSOLE_DEFAULTS.trustedIps,
  };
}
