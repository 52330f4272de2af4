import { myProfileAnswer } from '@/lib/miniprogram/my-profile-endpoint';

export const dynamic = 'force-dynamic';

export function GET() {
  return myProfileAnswer();
}
