import { publicRoute } from '@/lib/http/route';
import { miniProgramLogin } from '@/lib/miniprogram/login';

export const dynamic = 'force-dynamic';

export const POST = publicRoute({ name: 'miniprogram_login' }, miniProgramLogin);
