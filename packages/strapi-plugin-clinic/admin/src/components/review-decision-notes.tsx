import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ReconfirmApproval, ReviewableType, ReviewStatusView } from '../../../shared/contracts/review';
import { t } from '../plugin-id';

/**
 * The review panel's notes on "only the latest decision counts" and on review dates: why an
 * earlier approval no longer holds, the rejection a reviewer approves over, when the live
 * page is due, and the physician's one-step re-confirmation of unchanged text.
 */
export function ReviewDecisionNotes({ review }: { review: ReviewStatusView }) {
  const { formatMessage, formatDate } = useIntl();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'long' });
  const day = (date: string) => formatDate(`${date}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
  const { entry, supersededBy, standingRejection, schedule } = review;

  return (
    <>
      {review.status === 'approval_superseded' && entry && supersededBy && (
        <Box background="danger100" padding={2} hasRadius data-testid="clinic-review-superseded">
          <Typography variant="pi">
            {formatMessage(
              { id: t('panel.superseded'), defaultMessage: 'Approved by {name} on {date}, but a later decision replaced that approval.' },
              { name: entry.actorName, date: when(entry.at), otherName: supersededBy.actorName, otherDate: when(supersededBy.at), decision: supersededBy.decision },
            )}
          </Typography>
        </Box>
      )}
      {review.status === 'awaiting_review' && standingRejection && (
        <Box background="danger100" padding={2} hasRadius data-testid="clinic-review-standing-rejection">
          <Typography variant="pi" fontWeight="bold">
            {formatMessage({ id: t('panel.standingRejection'), defaultMessage: 'This exact text was rejected by {name} on {date}:' }, { name: standingRejection.actorName, date: when(standingRejection.at) })}
          </Typography>
          <Typography variant="pi" tag="p">“{standingRejection.comment}”</Typography>
          <Typography variant="pi" tag="p">{formatMessage({ id: t('panel.overrideHint'), defaultMessage: 'To approve it over this rejection, write a comment that says why.' })}</Typography>
        </Box>
      )}
      {schedule?.nextReviewDue && (
        <Flex gap={2} wrap="wrap" data-testid="clinic-review-schedule">
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: t('panel.schedule'), defaultMessage: 'Last reviewed {last} · Next review due {next}' },
              { last: schedule.lastReviewedOn ? day(schedule.lastReviewedOn) : '—', next: day(schedule.nextReviewDue) },
            )}
          </Typography>
          {(schedule.dueState === 'overdue' || schedule.dueState === 'due-soon') && (
            <Badge backgroundColor={schedule.dueState === 'overdue' ? 'danger100' : 'warning100'} textColor={schedule.dueState === 'overdue' ? 'danger700' : 'warning700'}>
              {formatMessage({ id: t(`due.${schedule.dueState}`), defaultMessage: schedule.dueState })}
            </Badge>
          )}
        </Flex>
      )}
    </>
  );
}

/** One step for a physician: the approved, unchanged text confirmed again, with an optional note. */
export function ReconfirmAction({ type, review, onDone }: { type: ReviewableType; review: ReviewStatusView; onDone: () => Promise<void> }) {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  if (!review.can.reconfirm) return null;

  const reconfirm = async () => {
    setBusy(true);
    try {
      const body: ReconfirmApproval.Request['body'] = { locale: review.locale, revisionHash: review.revisionHash, comment: note.trim() || undefined };
      await post(`/clinic/reviews/${type}/${review.documentId}/reconfirm`, body);
      toggleNotification({ type: 'success', message: formatMessage({ id: t('panel.done.reconfirm'), defaultMessage: 'Re-confirmed.' }) });
      setNote('');
      await onDone();
    } catch (error) {
      const refusal = isFetchError(error) ? error.response?.data.error.message : undefined;
      toggleNotification({ type: 'danger', message: refusal ?? formatMessage({ id: t('panel.error'), defaultMessage: 'The request failed.' }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="clinic-review-reconfirm">
      <Field.Root name="clinic-reconfirm-note" hint={formatMessage({ id: t('panel.reconfirmHint'), defaultMessage: '' })}>
        <Field.Label>{formatMessage({ id: t('panel.reconfirmNote'), defaultMessage: 'Note (optional)' })}</Field.Label>
        <Textarea value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Button onClick={reconfirm} loading={busy} variant="secondary" fullWidth>
        {formatMessage({ id: t('panel.reconfirm'), defaultMessage: 'Re-confirm unchanged text' })}
      </Button>
    </Flex>
  );
}
