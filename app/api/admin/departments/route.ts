import { departmentsAnswer } from '@/lib/admin/admin-api';

export const dynamic = 'force-dynamic';

export function GET() {
  return departmentsAnswer();
}
