// agent/get: an app's console settings as WeCom reports them to the app itself, which is how the
// app can check its own setup (home page, visible range, trusted domain, disabled). It answers
// for a disabled app too, with close: 1, so that the app can say why everything else fails.

import { findAppByAgentId } from '../credentials';
import { appLogoUrl } from '../image-urls';
import type { MockState } from '../state';
import { appConsoleOf } from './app-console';
import type { QyapiRouteTable } from './route';
import { QyapiError } from './wire';

type App = NonNullable<ReturnType<typeof findAppByAgentId>>;

function agentDetails(app: App, state: MockState): Record<string, unknown> {
  const appConsole = appConsoleOf(state, app.agentId);
  const range = state.directory.visibleRange;
  return {
    agentid: app.agentId,
    name: app.name,
    square_logo_url: appLogoUrl(state.origin, app.agentId),
    description: app.description,
    allow_userinfos: { user: range.users.map((userid) => ({ userid })) },
    allow_partys: { partyid: range.departments },
    allow_tags: { tagid: range.tags },
    close: appConsole.appDisabled ? 1 : 0,
    // WeCom keeps one 可信域名 per app; the login pages accept every trusted domain, and the first
    // one stands for them here.
    redirect_domain: state.settings.trustedDomains[0],
    report_location_flag: 0,
    isreportenter: 0,
    home_url: appConsole.homeUrl,
  };
}

export const agentRoutes: QyapiRouteTable = {
  '/cgi-bin/agent/get': {
    method: 'GET',
    auth: 'token',
    answersWhileDisabled: true,
    handle({ query, state, token }) {
      const raw = query.get('agentid');
      if (!raw) throw new QyapiError(41011);
      const app = /^\d{1,10}$/.test(raw) ? findAppByAgentId(Number(raw)) : undefined;
      if (!app) throw new QyapiError(40056);
      // A self-built app's token reads only its own agent.
      if (app.agentId !== token.agentId) throw new QyapiError(301002);
      return agentDetails(app, state);
    },
  },
};
