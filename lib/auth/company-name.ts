import 'server-only';
import { getDepartments } from '@/lib/profile/directory-data';

/** WeCom names the company in the root department (id 1, parentid 0); the corp id when WeCom cannot be asked. */
export async function companyName(fallback: string): Promise<string> {
  try {
    return (await getDepartments()).find((d) => d.parentid === 0)?.name ?? fallback;
  } catch {
    return fallback;
  }
}
