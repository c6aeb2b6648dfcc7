import { taglineParts } from 'clinic-domain';

import { telHref } from '@/lib/tel-href';

/**
 * A tagline with the clinic's number where it writes {phone}. The number is its own
 * left-to-right run (bdi), so "+1 262-555-0142" keeps its order inside Arabic or Persian.
 */
export function TaglineText({ text, phone, linkPhone = true }: { text: string; phone: string; linkPhone?: boolean }) {
  return (
    <>
      {taglineParts(text, phone).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <bdi key={index} dir="ltr">
            {linkPhone && telHref(part.phone) ? <a href={telHref(part.phone)!}>{part.phone}</a> : part.phone}
          </bdi>
        ),
      )}
    </>
  );
}
