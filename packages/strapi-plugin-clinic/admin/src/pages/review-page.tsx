import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { isFetchError, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { DueItemView, GetReviewQueue, GetReviewsDue, QueueItemView, ReconfirmApproval } from '../../../shared/contracts/review';
import { REVIEWABLE_MODELS, t } from '../plugin-id';
import { ReadingLevelSummary } from '../components/reading-level-hint';

const editUrl = (item: { contentType: string; documentId: string; locale: string }) =>
  `/admin/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

/** The physicians' page: what awaits review (oldest first) and what is due for re-review. */
const ReviewPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [queue, setQueue] = React.useState<QueueItemView[] | null>(null);
  const [due, setDue] = React.useState<DueItemView[] | null>(null);
  const loadDue = React.useCallback(() => get<GetReviewsDue.Response>('/clinic/reviews-due').then(({ data }) => setDue(data.data)).catch(() => setDue([])), [get]);

  React.useEffect(() => {
    get<GetReviewQueue.Response>('/clinic/review-queue').then(({ data }) => setQueue(data.data)).catch(() => setQueue([]));
    loadDue();
  }, [get, loadDue]);

  /** A physician confirms unchanged text from the list, in one step (see the review panel's re-confirm). */
  const reconfirm = async (item: DueItemView) => {
    try {
      const body: ReconfirmApproval.Request['body'] = { locale: item.locale, revisionHash: item.revisionHash ?? '' };
      await post(`/clinic/reviews/${REVIEWABLE_MODELS[item.contentType]}/${item.documentId}/reconfirm`, body);
      toggleNotification({ type: 'success', message: formatMessage({ id: t('panel.done.reconfirm'), defaultMessage: 'Re-confirmed.' }) });
      await loadDue();
    } catch (error) {
      const refusal = isFetchError(error) ? error.response?.data.error.message : undefined;
      toggleNotification({ type: 'danger', message: refusal ?? formatMessage({ id: t('panel.error'), defaultMessage: 'The request failed.' }) });
    }
  };

  const m = (id: string, fallback = id) => formatMessage({ id: t(id), defaultMessage: fallback });
  const typeName = (uid: string) => uid.replace('plugin::clinic.', '');
  const day = (iso: string) => formatDate(iso, { dateStyle: 'medium' });

  return (
    <Page.Main>
      <Page.Title>{m('page.title', 'Medical review')}</Page.Title>
      <Layouts.Header title={m('page.title', 'Medical review')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">{m('page.queue', 'Review queue')}</Typography>
            {queue && queue.length === 0 && <Typography tag="p">{m('page.queueEmpty')}</Typography>}
            {queue && queue.length > 0 && (
              <Table colCount={6} rowCount={queue.length + 1} data-testid="clinic-review-queue">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{m('col.title')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.type')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.locale')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.submittedBy')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.submittedAt')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.readingLevel', 'Reading level')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {queue.map((item) => (
                    <Tr key={`${item.documentId}-${item.locale}`}>
                      <Td><Link href={editUrl(item)}>{item.title}</Link></Td>
                      <Td><Typography>{typeName(item.contentType)}</Typography></Td>
                      <Td><Typography>{item.locale}</Typography></Td>
                      <Td><Typography>{item.submittedBy}</Typography></Td>
                      <Td><Typography>{day(item.submittedAt)}</Typography></Td>
                      <Td><ReadingLevelSummary levels={item.readingLevels} /></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Box>
          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">{m('page.due', 'Reviews due')}</Typography>
            {due && due.length === 0 && <Typography tag="p">{m('page.dueEmpty')}</Typography>}
            {due && due.length > 0 && (
              <Table colCount={6} rowCount={due.length + 1} data-testid="clinic-reviews-due">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{m('col.title')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.locale')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.due')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.state')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.physician')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.action')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {due.map((item) => (
                    <Tr key={`${item.documentId}-${item.locale}`}>
                      <Td><Link href={editUrl(item)}>{item.title}</Link></Td>
                      <Td><Typography>{item.locale}</Typography></Td>
                      <Td><Typography>{day(item.nextReviewDue)}</Typography></Td>
                      <Td>
                        <Badge backgroundColor={item.dueState === 'overdue' ? 'danger100' : 'warning100'} textColor={item.dueState === 'overdue' ? 'danger700' : 'warning700'}>
                          {m(`due.${item.dueState}`)}
                        </Badge>
                      </Td>
                      <Td><Typography>{item.physician ?? '—'}</Typography></Td>
                      <Td>{item.reconfirmable && <Button size="S" variant="secondary" onClick={() => reconfirm(item)}>{m('page.reconfirm', 'Re-confirm')}</Button>}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReviewPage;
