import { handleWeComCallback } from '@/lib/auth/callback';
import { publicRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = publicRoute({ name: 'wecom_callback' }, handleWeComCallback);
