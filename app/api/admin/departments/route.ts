import { departmentsJson } from '@/lib/admin/admin-api';
import { signedInRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute({ name: 'admin_departments', access: 'admin' }, () => departmentsJson());
