import { handleInactive } from '@/lib/auth/sign-in-again';

export const dynamic = 'force-dynamic';

export function GET() {
  return handleInactive();
}
