import { preferredLocale } from '@/lib/i18n/locale';
import { signedInRoute } from '@/lib/http/route';
import { setupJson } from '@/lib/setup/app-doctor';

export const dynamic = 'force-dynamic';

/** The setup doctor's report for admins: the same JSON as `npm run doctor -- --json`. */
export const GET = signedInRoute({ name: 'admin_setup', access: 'admin' }, (request, caller) =>
  setupJson(caller.session.userid, preferredLocale(request.headers.get('accept-language'))),
);
