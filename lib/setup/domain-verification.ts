import { getConfig } from '@/lib/config';

/**
 * WeCom's console proves that a company owns its 可信域名 by fetching a file it names, e.g.
 * /WW_verify_Fq59yEz1hetrogRO.txt, from the domain's root. The files come from
 * WECOM_DOMAIN_VERIFICATION, so an image or a build never has to be changed to hold one.
 */
export function domainVerificationAnswer(pathname: string): Response {
  const fileName = pathname.slice(pathname.lastIndexOf('/') + 1);
  const file = getConfig().domainVerification.find((f) => f.fileName === fileName);
  if (!file) return new Response('not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(file.content, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
