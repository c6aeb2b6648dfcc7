import { paths } from '@/lib/seo/alternates';

/** A titled section listing links to procedures (a bio's procedures, a procedure's related ones). */
export function ProcedureLinks({ id, heading, procedures, locale }: { id: string; heading: string; procedures: Array<{ title: string; slug: string }>; locale: string }) {
  if (procedures.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul>
        {procedures.map((p) => (
          <li key={p.slug}>
            <a href={paths.procedure(locale, p.slug)}>{p.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
