import procedure from './procedure';
import provider from './provider';
import faq from './faq';
import rebrandNotice from './rebrand-notice';
import clinic from './clinic';
import reviewEntry from './review-entry';
import reviewDigestDelivery from './review-digest-delivery';
import announcement from './announcement';

export default {
  procedure,
  provider,
  faq,
  'rebrand-notice': rebrandNotice,
  clinic,
  'review-entry': reviewEntry,
  'review-digest-delivery': reviewDigestDelivery,
  announcement,
};
