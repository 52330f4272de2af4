import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { getConfig } from '@/lib/config';
import { weComErrorResponse } from '@/lib/http/wecom-error-response';
import { isWeComError } from '@/lib/wecom';
import { apiCaller } from '@/lib/auth/dal';
import { getDirectoryIndex, rebuildNow } from './directory-store';
import { searchMembers } from './member-search';

/** The JSON behind the admin directory; every handler checks admin rights itself. */

const noStore = { 'cache-control': 'private, no-store' };

async function asAdmin(answer: () => Promise<NextResponse>): Promise<NextResponse> {
  const caller = await apiCaller('cookie', { admin: true });
  if (!caller.ok) return caller.response;
  try {
    return await answer();
  } catch (error) {
    if (isWeComError(error)) return weComErrorResponse(error);
    throw error;
  }
}

export function departmentsAnswer(): Promise<NextResponse> {
  return asAdmin(async () => {
    const index = await getDirectoryIndex();
    return NextResponse.json({ departments: index.departments, builtAt: index.builtAt }, { headers: noStore });
  });
}

const memberQuerySchema = z.object({
  department: z.coerce.number().int().positive().max(2 ** 32).default(1),
  children: z.enum(['0', '1']).default('1'),
  q: z.string().max(64, 'q is at most 64 characters').default(''),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function membersAnswer(request: NextRequest): Promise<NextResponse> {
  return asAdmin(async () => {
    const parsed = memberQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return NextResponse.json({ error: 'invalid_request', message }, { status: 400 });
    }
    const q = parsed.data;
    const page = searchMembers(await getDirectoryIndex(), {
      departmentId: q.department,
      includeSubDepartments: q.children === '1',
      query: q.q,
      offset: q.offset,
      limit: q.limit,
    });
    return NextResponse.json(page, { headers: noStore });
  });
}

export function refreshAnswer(request: NextRequest): Promise<NextResponse> {
  return asAdmin(async () => {
    if (!isSameOriginRequest(request, getConfig().appUrl)) {
      return NextResponse.json({ error: 'forbidden', message: 'Refresh must come from this site.' }, { status: 403 });
    }
    const index = await rebuildNow();
    return NextResponse.json({ refreshed: true, builtAt: index.builtAt, members: index.members.length }, { headers: noStore });
  });
}
