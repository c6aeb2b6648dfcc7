import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { isFetchError, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type {
  ApproveRevision,
  GetReviewStatus,
  RejectRevision,
  ReviewableType,
  ReviewEntryView,
  ReviewStatusName,
  ReviewStatusView,
  UnpublishPage,
} from '../../../shared/contracts/review';
import { REVIEWABLE_MODELS, t } from '../plugin-id';
import { ReconfirmAction, ReviewDecisionNotes } from './review-decision-notes';
import { PreviewRevisionLink } from './preview-revision-link';
import { ReadingLevelHint } from './reading-level-hint';

/** What the Content Manager passes an edit-view side panel (the part we read). */
interface PanelProps {
  model: string;
  documentId?: string;
  document?: { locale?: string; updatedAt?: string; publishedAt?: string | null };
  activeTab?: string | null;
}

/** The Content Manager's side-panel contract: a function of the edit view returning a title and content, or nothing. */
export type EditViewPanel = ((props: PanelProps) => { title: string; content: React.ReactNode } | null) & { type?: string };

type DecisionBody = ApproveRevision.Request['body'] | RejectRevision.Request['body'] | UnpublishPage.Request['body'];

const BADGE: Record<ReviewStatusName, { background: string; text: string }> = {
  not_submitted: { background: 'neutral150', text: 'neutral700' },
  awaiting_review: { background: 'warning100', text: 'warning700' },
  approved: { background: 'success100', text: 'success700' },
  changed_since_approval: { background: 'danger100', text: 'danger700' },
  approval_superseded: { background: 'danger100', text: 'danger700' },
  rejected: { background: 'danger100', text: 'danger700' },
};

/** The Content Manager side panel: the review state of the locale being edited, and what the signed-in user may do. */
export const ReviewPanel: EditViewPanel = (props) => {
  const { formatMessage } = useIntl();
  const type = REVIEWABLE_MODELS[props.model];
  if (!type) return null;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Medical review' }),
    content: <ReviewPanelContent {...props} type={type} />,
  };
};
ReviewPanel.type = 'clinic-review';

function ReviewPanelContent({ type, documentId, document }: PanelProps & { type: ReviewableType }) {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale ?? document?.locale;
  const [review, setReview] = React.useState<ReviewStatusView | null>(null);
  const [comment, setComment] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    if (!documentId || !locale) return;
    const { data } = await get<GetReviewStatus.Response>(`/clinic/reviews/${type}/${documentId}`, { params: { locale } });
    setReview(data.data);
  }, [get, type, documentId, locale]);

  React.useEffect(() => {
    load().catch(() => setReview(null));
  }, [load, document?.updatedAt, document?.publishedAt]);

  if (!documentId) {
    return <Typography variant="pi">{formatMessage({ id: t('panel.saveFirst'), defaultMessage: 'Save the document to start its medical review.' })}</Typography>;
  }
  if (!review) return null;

  const when = (iso: string) => formatDate(iso, { dateStyle: 'long' });
  const act = async (action: 'submit' | 'approve' | 'reject' | 'unpublish') => {
    setBusy(true);
    try {
      const body: DecisionBody = action === 'unpublish' ? { locale: review.locale, reason } : { locale: review.locale, revisionHash: review.revisionHash, comment: comment || undefined };
      await post(`/clinic/reviews/${type}/${documentId}/${action}`, body);
      toggleNotification({ type: 'success', message: formatMessage({ id: t(`panel.done.${action}`), defaultMessage: action }) });
      setComment('');
      setReason('');
      await load();
    } catch (error) {
      const refusal = isFetchError(error) ? error.response?.data.error.message : undefined;
      toggleNotification({ type: 'danger', message: refusal ?? formatMessage({ id: t('panel.error'), defaultMessage: 'The request failed.' }) });
    } finally {
      setBusy(false);
    }
  };

  // An approved translation the default text has moved past is submitted unchanged to be checked against it.
  const canSubmit = review.can.submit && (['not_submitted', 'changed_since_approval', 'approval_superseded', 'rejected'].includes(review.status) || (review.status === 'approved' && review.translationOutOfDate));
  const canDecide = review.can.decide && review.status === 'awaiting_review';
  const describe = (entry: ReviewEntryView | null, key: string) =>
    entry ? formatMessage({ id: t(key), defaultMessage: key }, { name: entry.actorName, date: when(entry.at) }) : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="clinic-review-panel">
      <Flex gap={2} wrap="wrap">
        <Badge backgroundColor={BADGE[review.status].background} textColor={BADGE[review.status].text} data-testid="clinic-review-status">
          {formatMessage({ id: t(`status.${review.status}`), defaultMessage: review.status })}
        </Badge>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('panel.locale'), defaultMessage: 'Revision in {locale}' }, { locale: review.locale })}
        </Typography>
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: t(review.medical ? 'panel.medical' : 'panel.notMedical'), defaultMessage: '' })}
      </Typography>
      {review.status === 'approved' && <Typography variant="pi">{describe(review.entry, 'panel.approvedBy')}</Typography>}
      {review.status === 'awaiting_review' && <Typography variant="pi">{describe(review.entry, 'panel.submittedBy')}</Typography>}
      {review.status === 'changed_since_approval' && <Typography variant="pi">{describe(review.lastApproval, 'panel.lastApproval')}</Typography>}
      {review.status === 'rejected' && review.entry && (
        <Box background="danger100" padding={2} hasRadius>
          <Typography variant="pi" fontWeight="bold">{describe(review.entry, 'panel.rejectedBy')}</Typography>
          <Typography variant="pi" tag="p" data-testid="clinic-review-rejection-comment">“{review.entry.comment}”</Typography>
        </Box>
      )}
      <ReviewDecisionNotes review={review} />
      {review.translationOutOfDate && (
        <Box background="warning100" padding={2} hasRadius data-testid="clinic-review-drift">
          <Typography variant="pi">{formatMessage({ id: t('panel.drift'), defaultMessage: 'Translation may be out of date.' })}</Typography>
          {review.status === 'approved' && (
            <Typography variant="pi" tag="p">
              {formatMessage({ id: t('panel.driftSubmit'), defaultMessage: 'If it still says what the default language says, submit it unchanged: a physician checks it and the flag clears with the approval (re-confirming does not clear it).' })}
            </Typography>
          )}
        </Box>
      )}

      <PreviewRevisionLink type={type} documentId={documentId} locale={review.locale} revisionHash={review.revisionHash} />
      <ReadingLevelHint type={type} documentId={documentId} locale={review.locale} revisionHash={review.revisionHash} />
      {canSubmit && (
        <Button onClick={() => act('submit')} loading={busy} fullWidth>
          {formatMessage({ id: t('panel.submit'), defaultMessage: 'Submit for medical review' })}
        </Button>
      )}

      {review.status === 'awaiting_review' && review.can.decide && (
        <Box>
          <Typography variant="sigma" tag="h3">{formatMessage({ id: t('panel.changes'), defaultMessage: 'Changes since the last approved revision' })}</Typography>
          <Box tag="ul" paddingTop={1} data-testid="clinic-review-diff" style={{ maxHeight: 240, overflowY: 'auto' }}>
            {review.diffSinceLastApproval.length === 0 && <Typography variant="pi">{formatMessage({ id: t('panel.noChanges'), defaultMessage: 'No text changed.' })}</Typography>}
            {review.diffSinceLastApproval.map((line, i) => (
              <Box tag="li" key={i} background={line.kind === 'added' ? 'success100' : 'danger100'} padding={1} marginBottom={1}>
                <Typography variant="pi" style={{ textDecoration: line.kind === 'removed' ? 'line-through' : 'none' }}>
                  {line.kind === 'added' ? '+ ' : '− '}
                  {line.text}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      )}

      {canDecide && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="clinic-review-comment" hint={formatMessage({ id: t('panel.commentHint'), defaultMessage: '' })}>
            <Field.Label>{formatMessage({ id: t('panel.comment'), defaultMessage: 'Comment' })}</Field.Label>
            <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Button onClick={() => act('approve')} loading={busy} variant="success" fullWidth disabled={Boolean(review.standingRejection) && !comment.trim()}>
            {formatMessage({ id: t('panel.approve'), defaultMessage: 'Approve this revision' })}
          </Button>
          <Button onClick={() => act('reject')} loading={busy} variant="danger-light" fullWidth disabled={!comment.trim()}>
            {formatMessage({ id: t('panel.reject'), defaultMessage: 'Reject' })}
          </Button>
        </Flex>
      )}

      <ReconfirmAction type={type} review={review} onDone={load} />

      {review.medical && review.live && review.can.decide && (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="clinic-review-unpublish">
          <Field.Root name="clinic-unpublish-reason" hint={formatMessage({ id: t('panel.unpublish.hint'), defaultMessage: '' })}>
            <Field.Label>{formatMessage({ id: t('panel.unpublish.reason'), defaultMessage: 'Why take this page off the site?' })}</Field.Label>
            <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
            <Field.Hint />
          </Field.Root>
          <Button onClick={() => act('unpublish')} loading={busy} variant="danger-light" fullWidth disabled={!reason.trim()}>
            {formatMessage({ id: t('panel.unpublish.button'), defaultMessage: 'Unpublish, with this reason' })}
          </Button>
        </Flex>
      )}

      <Box>
        <Typography variant="sigma" tag="h3">{formatMessage({ id: t('panel.history'), defaultMessage: 'Decision history' })}</Typography>
        {review.history.length === 0 ? (
          <Typography variant="pi" tag="p">{formatMessage({ id: t('panel.noHistory'), defaultMessage: 'No decisions yet.' })}</Typography>
        ) : (
          <Box tag="ol" paddingTop={1} data-testid="clinic-review-history">
            {review.history.map((entry, i) => (
              <Box tag="li" key={i} paddingBottom={1}>
                <Typography variant="pi">
                  <strong>{formatMessage({ id: t(`panel.decision.${entry.reconfirmation ? 'reconfirmed' : entry.decision}`), defaultMessage: entry.decision })}</strong> · {entry.actorName} · {when(entry.at)}
                  {entry.comment ? ` — “${entry.comment}”` : ''}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
      </Box>
    </Flex>
  );
}
