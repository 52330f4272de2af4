import { refreshJson } from '@/lib/admin/admin-api';
import { signedInRoute } from '@/lib/http/route';

export const POST = signedInRoute({ name: 'admin_refresh', access: 'admin', sameOrigin: true }, (_request, caller) => refreshJson(caller.session.userid));
