import { publicRoute } from '@/lib/http/route';
import { domainVerificationAnswer } from '@/lib/setup/domain-verification';

export const dynamic = 'force-dynamic';

/** /WW_verify_….txt at the site's root is rewritten here (next.config.mjs). */
export const GET = publicRoute({ name: 'domain_verification' }, async (request) => domainVerificationAnswer(request.nextUrl.pathname));
