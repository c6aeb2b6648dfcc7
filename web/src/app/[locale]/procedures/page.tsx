import type { Metadata } from 'next';
import { ProcedureListPage, procedureListMetadata } from '@/components/procedure/ProcedureListPage';

type Params = { params: Promise<{ locale: string }> };

export function generateMetadata({ params }: Params): Promise<Metadata> {
  return procedureListMetadata({ params });
}

export default function ProceduresPage({ params }: Params) {
  return <ProcedureListPage params={params} />;
}
