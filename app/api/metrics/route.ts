import { publicRoute } from '@/lib/http/route';
import { scrapeMetrics } from '@/lib/metrics/scrape';

export const dynamic = 'force-dynamic';

// Public as far as sessions go: the scraper proves itself with METRICS_TOKEN instead.
export const GET = publicRoute({ name: 'metrics' }, scrapeMetrics);
