import { handleDelivery, handleUrlCheck } from '@/lib/events/receive';
import { publicRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = publicRoute({ name: 'wecom_events_url_check' }, async (request) => handleUrlCheck(request));
export const POST = publicRoute({ name: 'wecom_events' }, handleDelivery);
