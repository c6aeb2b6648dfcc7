import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { DueItemView, GetReviewQueue, GetReviewsDue, QueueItemView } from '../../../shared/contracts/review';
import { t } from '../plugin-id';

const editUrl = (item: { contentType: string; documentId: string; locale: string }) =>
  `/admin/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

/** The physicians' page: what awaits review (oldest first) and what is due for re-review. */
const ReviewPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [queue, setQueue] = React.useState<QueueItemView[] | null>(null);
  const [due, setDue] = React.useState<DueItemView[] | null>(null);

  React.useEffect(() => {
    get<GetReviewQueue.Response>('/clinic/review-queue').then(({ data }) => setQueue(data.data)).catch(() => setQueue([]));
    get<GetReviewsDue.Response>('/clinic/reviews-due').then(({ data }) => setDue(data.data)).catch(() => setDue([]));
  }, [get]);

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
              <Table colCount={5} rowCount={queue.length + 1} data-testid="clinic-review-queue">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{m('col.title')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.type')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.locale')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.submittedBy')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.submittedAt')}</Typography></Th>
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
              <Table colCount={5} rowCount={due.length + 1} data-testid="clinic-reviews-due">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{m('col.title')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.locale')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.due')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.state')}</Typography></Th>
                    <Th><Typography variant="sigma">{m('col.physician')}</Typography></Th>
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
