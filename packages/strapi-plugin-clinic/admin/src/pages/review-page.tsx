import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { isFetchError, Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { REVIEW_QUEUE_PAGE_SIZE, type DueItemView, type GetReviewQueue, type GetReviewsDue, type ReconfirmApproval } from '../../../shared/contracts/review';
import { REVIEWABLE_MODELS, t } from '../plugin-id';
import { ReadingLevelSummary } from '../components/reading-level-hint';

const editUrl = (item: { contentType: string; documentId: string; locale: string }) =>
  `/admin/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

/** The physicians' page: what awaits review (oldest first) and what is due for re-review. */
const ReviewPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  // The queue comes a page at a time from the server: at scale it is read from the log's heads, never whole.
  const [queuePage, setQueuePage] = React.useState(1);
  const [queue, setQueue] = React.useState<GetReviewQueue.Response | null>(null);
  const [due, setDue] = React.useState<DueItemView[] | null>(null);
  const loadDue = React.useCallback(() => get<GetReviewsDue.Response>('/clinic/reviews-due').then(({ data }) => setDue(data.data)).catch(() => setDue([])), [get]);

  React.useEffect(() => {
    const params = { page: String(queuePage), pageSize: String(REVIEW_QUEUE_PAGE_SIZE.default) };
    get<GetReviewQueue.Response>('/clinic/review-queue', { params })
      .then(({ data }) => setQueue(data))
      .catch(() => setQueue({ data: [], meta: { pagination: { page: 1, pageSize: REVIEW_QUEUE_PAGE_SIZE.default, pageCount: 1, total: 0 } } }));
  }, [get, queuePage]);

  React.useEffect(() => {
    loadDue();
  }, [loadDue]);

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
            {queue && queue.meta.pagination.total === 0 && <Typography tag="p">{m('page.queueEmpty')}</Typography>}
            {queue && queue.meta.pagination.total > 0 && (
              <Table colCount={6} rowCount={queue.data.length + 1} data-testid="clinic-review-queue">
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
                  {queue.data.map((item) => (
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
            {queue && queue.meta.pagination.pageCount > 1 && <QueuePager pagination={queue.meta.pagination} onPage={setQueuePage} message={m} />}
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

/** Previous and next page of the queue, and where the physician is in it. */
const QueuePager = ({ pagination, onPage, message }: { pagination: GetReviewQueue.Response['meta']['pagination']; onPage: (page: number) => void; message: (id: string, fallback?: string) => string }) => {
  const { formatMessage } = useIntl();
  const { page, pageCount, total } = pagination;
  return (
    <Flex tag="nav" aria-label={message('page.queuePages', 'Review queue pages')} gap={3} paddingTop={4} justifyContent="flex-end" data-testid="clinic-review-queue-pager">
      <Button size="S" variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>{message('page.previous', 'Previous')}</Button>
      <Typography aria-live="polite">
        {formatMessage({ id: t('page.queuePosition'), defaultMessage: 'Page {page} of {pageCount} ({total} awaiting)' }, { page, pageCount, total })}
      </Typography>
      <Button size="S" variant="tertiary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>{message('page.next', 'Next')}</Button>
    </Flex>
  );
};

export default ReviewPage;
