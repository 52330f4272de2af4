import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { preferredLocale } from '@/lib/i18n/locale';
import { ADMIN_REFRESHES_PER_MINUTE, consumeLimit, tooManyRequestsJson } from '@/lib/http/rate-limit';
import { getDirectoryIndex, rebuildNow } from './directory-store';
import { searchMembers } from './member-search';
import { prepareForSearch } from './search-table';

/**
 * The JSON behind the admin directory. Who may call, caching headers and WeCom failures
 * are the route edge's (lib/http/route.ts): these only answer.
 */

export async function departmentsJson(): Promise<NextResponse> {
  const index = await getDirectoryIndex();
  return NextResponse.json({ departments: index.departments, builtAt: index.builtAt });
}

const memberQuerySchema = z.object({
  department: z.coerce.number().int().positive().max(2 ** 32).default(1),
  children: z.enum(['0', '1']).default('1'),
  q: z.string().max(64, 'q is at most 64 characters').default(''),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function membersJson(request: NextRequest): Promise<NextResponse> {
  const parsed = memberQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return NextResponse.json({ error: 'invalid_request', message }, { status: 400 });
  }
  const q = parsed.data;
  const query = { departmentId: q.department, includeSubDepartments: q.children === '1', query: q.q, offset: q.offset, limit: q.limit };
  const index = await getDirectoryIndex();
  await prepareForSearch(index);
  const page = searchMembers(index, query, preferredLocale(request.headers.get('accept-language')));
  return NextResponse.json(page);
}

/** "Refresh": a full read of the directory now, a few times a minute per admin at most. */
export async function refreshJson(adminUserid: string): Promise<NextResponse> {
  // Each refresh reads the whole directory from WeCom (one call per department).
  const limit = await consumeLimit('admin_refresh', adminUserid);
  if (!limit.allowed) return tooManyRequestsJson(limit, `At most ${ADMIN_REFRESHES_PER_MINUTE} refreshes a minute; the directory also refreshes by itself.`);
  const index = await rebuildNow();
  return NextResponse.json({ refreshed: true, builtAt: index.builtAt, members: index.members.length });
}
