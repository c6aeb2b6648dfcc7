import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GetReadingLevels, PageReadingLevelsView, ReadingSectionView } from '../../../shared/contracts/reading-level';
import type { ReviewableType } from '../../../shared/contracts/review';
import { t } from '../plugin-id';

/** One section's score in words: "Grade 9.4", "Grade 7.1 (Fernández-Huerta 68.2)", "Grade 12 · rough: short text", or why there is none. */
function useDescribeLevel() {
  const { formatMessage, formatNumber } = useIntl();
  return (section: ReadingSectionView) => {
    const level = section.level;
    if (!level.scored) return formatMessage({ id: t(`readingLevel.${level.reason}`), defaultMessage: level.reason });
    const grade = formatMessage({ id: t('readingLevel.grade'), defaultMessage: 'Grade {grade}' }, { grade: formatNumber(level.grade, { maximumFractionDigits: 1 }) });
    const score = level.ease === null ? grade : `${grade} (${formatMessage({ id: t('readingLevel.fernandezHuerta'), defaultMessage: 'Fernández-Huerta {ease}' }, { ease: formatNumber(level.ease, { maximumFractionDigits: 1 }) })})`;
    // A few words move a formula by grades: say so rather than let a rough score pass for a measure.
    return level.confidence === 'low' ? `${score} · ${formatMessage({ id: t('readingLevel.lowConfidence'), defaultMessage: 'rough: short text' })}` : score;
  };
}

const sectionName = (section: ReadingSectionView, fallback: string) => section.label ?? fallback;

/**
 * The reading level of each text section of the locale being edited, against the clinic's
 * target: a hint for the editor and the physician, never a block. Refreshed with the revision.
 */
export function ReadingLevelHint({ type, documentId, locale, revisionHash }: { type: ReviewableType; documentId: string; locale: string; revisionHash: string }) {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const describe = useDescribeLevel();
  const [levels, setLevels] = React.useState<PageReadingLevelsView | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    get<GetReadingLevels.Response>(`/clinic/reading-levels/${type}/${documentId}`, { params: { locale } })
      .then(({ data }) => !cancelled && setLevels(data.data))
      .catch(() => !cancelled && setLevels(null));
    return () => {
      cancelled = true;
    };
  }, [get, type, documentId, locale, revisionHash]);

  if (!levels || levels.sections.length === 0) return null;
  return (
    <Box data-testid="clinic-reading-level">
      <Typography variant="sigma" tag="h3">
        {formatMessage({ id: t('readingLevel.title'), defaultMessage: 'Reading level (target: grade {target})' }, { target: levels.target })}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={1}>
        {levels.sections.map((section) => (
          <Box tag="li" key={section.key} background={section.aboveTarget ? 'warning100' : undefined} padding={1} hasRadius data-above-target={section.aboveTarget}>
            <Typography variant="pi" fontWeight="bold">
              {sectionName(section, formatMessage({ id: t(`readingLevel.section.${section.key}`), defaultMessage: section.key }))}
            </Typography>
            <Typography variant="pi">
              {': '}
              {describe(section)}
              {section.aboveTarget && ` · ${formatMessage({ id: t('readingLevel.aboveTarget'), defaultMessage: 'above the target' })}`}
            </Typography>
          </Box>
        ))}
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: t('readingLevel.hint'), defaultMessage: 'A hint: shorter sentences and everyday words lower the grade. It never blocks approval.' })}
      </Typography>
    </Box>
  );
}

/** The review queue's cell: how many sections read above the target, each listed in the tooltip. */
export function ReadingLevelSummary({ levels }: { levels: PageReadingLevelsView | null | undefined }) {
  const { formatMessage } = useIntl();
  const describe = useDescribeLevel();
  if (!levels || levels.sections.length === 0) return <Typography textColor="neutral500">—</Typography>;
  const detail = levels.sections.map((s) => `${sectionName(s, s.key)}: ${describe(s)}`).join('\n');
  return (
    <Typography title={detail} textColor={levels.aboveTarget ? 'warning700' : 'success700'} data-testid="clinic-queue-reading-level">
      {levels.aboveTarget
        ? formatMessage({ id: t('readingLevel.summaryAbove'), defaultMessage: '{count} of {total} above grade {target}' }, { count: levels.aboveTarget, total: levels.sections.length, target: levels.target })
        : formatMessage({ id: t('readingLevel.summaryWithin'), defaultMessage: 'Within grade {target}' }, { target: levels.target })}
    </Typography>
  );
}
