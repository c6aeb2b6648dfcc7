import * as React from 'react';
import { useIntl } from 'react-intl';
import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ReviewableType } from '../../../shared/contracts/review';
import { t } from '../plugin-id';

/** Links live ten minutes on the site's side; asking again well before keeps the one shown valid. */
const REFRESH_MS = 4 * 60 * 1000;

/**
 * "Preview this revision": the site's page in draft mode, pinned to the revision the panel
 * shows (the one an approval signs), so the site can say when the draft has changed since.
 */
export function PreviewRevisionLink({ type, documentId, locale, revisionHash }: { type: ReviewableType; documentId: string; locale: string; revisionHash: string }) {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [url, setUrl] = React.useState<string | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    const load = () =>
      get<{ data: { url: string } }>(`/clinic/previews/${type}/${documentId}`, { params: { locale, revisionHash } })
        .then(({ data }) => !cancelled && setUrl(data.data.url))
        .catch(() => !cancelled && setUrl(null));
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [get, type, documentId, locale, revisionHash]);

  if (!url) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="clinic-preview-revision">
      <LinkButton href={url} target="_blank" rel="noopener noreferrer" variant="tertiary" fullWidth>
        {formatMessage({ id: t('preview.revision'), defaultMessage: 'Preview this revision' })}
      </LinkButton>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: t('preview.revisionHint'), defaultMessage: 'Opens the site with exactly this revision; it tells you if the draft changes after you open it.' })}
      </Typography>
    </Flex>
  );
}
