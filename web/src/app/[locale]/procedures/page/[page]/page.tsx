import type { Metadata } from 'next';
import { ProcedureListPage, procedureListMetadata } from '@/components/procedure/ProcedureListPage';

// Page 2 onwards of the procedures list (/en/procedures/page/2); page 1 is /en/procedures.
type Params = { params: Promise<{ locale: string; page: string }> };

// Rendered on first request and cached like the list's first page (the layout's revalidate).
export async function generateStaticParams() {
  return [];
}

export function generateMetadata({ params }: Params): Promise<Metadata> {
  return procedureListMetadata({ params });
}

export default function ProceduresListPage({ params }: Params) {
  return <ProcedureListPage params={params} />;
}
