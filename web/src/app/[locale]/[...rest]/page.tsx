import type { Metadata } from 'next';
import { missingPageMetadata, openPage } from '@/lib/localized-page';
import { PageNotFound } from '@/components/errors/PageNotFound';

type Params = { params: Promise<{ locale: string }> };

// Rendered like every page (on first request, then from cache): a dynamic render would answer
// PageNotFound's 404 with a 200 (Next sets the status from the Suspense boundary only when it prerenders).
export async function generateStaticParams() {
  return [];
}

// Any other path under a locale is a 404, shown in that locale's language.
const open = (params: Params['params']) => openPage(params, async () => null);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const page = await open(params);
  return page.found ? {} : missingPageMetadata(page);
}

export default async function UnknownPath({ params }: Params) {
  const page = await open(params);
  return <PageNotFound locale={page.locale} />;
}
