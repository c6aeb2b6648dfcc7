import type { Core } from '@strapi/strapi';
import { documentTitle } from '../review/document-title';

/**
 * The plugin's one door to storage: the only module that calls `strapi.documents(...)` and
 * `strapi.db`. Services, controllers, middlewares and the gate ask it named questions and
 * keep their rules; queries, table names and transactions stay here.
 *
 * Two kinds of reads live side by side. The Document Service reads versions as patients and
 * editors see them (components, relations, locales); the query engine reads bare rows for
 * bookkeeping (which locales exist, a flag, a lock), where the Document Service's middlewares
 * (ours included) must not run again.
 */

export type Status = 'draft' | 'published';
/** Which versions of a document: its drafts, its published versions, or every row. */
export type Versions = 'draft' | 'published' | 'any';

export interface DocumentTarget {
  contentType: string;
  documentId: string;
  locale: string;
}

/** An announcement waiting in the outbox: the exact body to sign and send, to one site address. */
export interface PendingAnnouncement {
  id: number;
  deliveryId: string;
  url: string;
  body: string;
  attempts: number;
}

export interface DocumentVersionRef {
  documentId: string;
  locale: string | null;
}

const PROVIDER_UID = 'plugin::clinic.provider';
const CLINIC_UID = 'plugin::clinic.clinic';
export const REVIEW_ENTRY_UID = 'plugin::clinic.review-entry';
const UPLOAD_FILE = 'plugin::upload.file';
const REVIEW_ENTRY_TABLE = 'clinic_review_entries';
/** Each reviewed version's latest log entry (see ensureReviewHeads): kept beside the log, never instead of it. */
const REVIEW_HEAD_TABLE = 'clinic_review_heads';
/** Any fixed number: PostgreSQL's advisory lock that lets one starting instance set the heads up at a time. */
const REVIEW_HEADS_SETUP_LOCK = 72_040_911;
const REVIEW_HEAD_KEY = '(content_type, reviewed_document_id, locale)';
/** Makes `entry_id` the head of its version unless a later entry already is (ids grow with every append). */
const ADVANCE_HEAD = `ON CONFLICT ${REVIEW_HEAD_KEY} DO UPDATE SET entry_id = excluded.entry_id, decision = excluded.decision, decided_at = excluded.decided_at WHERE ${REVIEW_HEAD_TABLE}.entry_id < excluded.entry_id`;
const DIGEST_DELIVERY_UID = 'plugin::clinic.review-digest-delivery';
const DIGEST_DELIVERY_TABLE = 'clinic_review_digest_deliveries';
const ANNOUNCEMENT_UID = 'plugin::clinic.announcement';
const ANNOUNCEMENT_TABLE = 'clinic_announcements';

const publicationFilter = (versions: Versions) =>
  versions === 'published' ? { publishedAt: { $notNull: true } } : versions === 'draft' ? { publishedAt: { $null: true } } : {};

const repositories = new WeakMap<Core.Strapi, ClinicRepository>();

/** The repository of one Strapi instance (kept, so middlewares created once share it). */
export function clinicRepository(strapi: Core.Strapi): ClinicRepository {
  let repository = repositories.get(strapi);
  if (!repository) {
    repository = createClinicRepository(strapi);
    repositories.set(strapi, repository);
  }
  return repository;
}

function createClinicRepository(strapi: Core.Strapi) {
  const rows = (uid: string) => strapi.db.query(uid as any);
  const documents = (uid: string) => strapi.documents(uid as any);

  /** The published row when there is one, else the draft (databases sort missing dates differently). */
  async function publishedFirst(uid: string, where: Record<string, unknown>, select: string[]) {
    return (await rows(uid).findOne({ where: { ...where, publishedAt: { $notNull: true } }, select })) ?? (await rows(uid).findOne({ where, select }));
  }

  return {
    // --- Wiring and transactions ---------------------------------------------------------

    /** Adds a Document Service middleware (register only). */
    useDocumentMiddleware(middleware: (ctx: any, next: () => Promise<any>) => Promise<unknown>): void {
      (strapi.documents as unknown as { use(middleware: unknown): void }).use(middleware);
    },

    /** Runs `work` in a transaction, or in the caller's when one is open (Strapi joins it). */
    async inTransaction<T>(work: () => Promise<T>): Promise<T> {
      return (await strapi.db.transaction(() => work())) as T;
    },

    /** Runs `send` once the enclosing transaction commits (never on rollback), or now when none is open. */
    async afterCommit(send: () => void): Promise<void> {
      if (!strapi.db.inTransaction()) return send();
      // Inside a caller's transaction this joins it: onCommit waits for the outermost commit,
      // and a rollback drops the callback.
      await strapi.db.transaction(({ onCommit }) => {
        onCommit(send);
      });
    },

    /**
     * Holds the draft rows of these locales until the enclosing transaction commits. SQLite
     * serializes writers anyway; on PostgreSQL an editor's save of the same draft waits here.
     */
    async lockDrafts(uid: string, documentId: string, locales: string[]): Promise<void> {
      if ((strapi.db as any).dialect?.client === 'sqlite') return;
      const { tableName } = strapi.db.metadata.get(uid as any);
      await strapi.db.transaction(async ({ trx }) => {
        await trx(tableName).select('id').where({ document_id: documentId }).whereNull('published_at').whereIn('locale', locales).forUpdate();
      });
    },

    /**
     * The draft's updatedAt in one locale (null: no draft), locked on PostgreSQL until the
     * enclosing transaction commits, so two saves of one draft are judged one after the other.
     */
    async lockedDraftVersion(uid: string, documentId: string, locale: string | null): Promise<string | Date | null> {
      const { tableName, attributes } = strapi.db.metadata.get(uid as any) as any;
      const localized = Boolean(attributes?.locale);
      return strapi.db.transaction(async ({ trx }) => {
        if ((strapi.db as any).dialect?.client !== 'sqlite') {
          let lock = trx(tableName).select('id').where({ document_id: documentId }).whereNull('published_at');
          if (localized && locale) lock = lock.where({ locale });
          await lock.forUpdate();
        }
        // Read through the query engine, which turns each database's datetime format into a Date.
        const row = await rows(uid).findOne({ where: { documentId, publishedAt: null, ...(localized && locale ? { locale } : {}) }, select: ['updatedAt'] });
        return (row?.updatedAt as string | Date | undefined) ?? null;
      });
    },

    /** Calls `changed` after any write to the i18n locales (the locale list is cached). */
    onLocalesChange(changed: () => void): void {
      strapi.db.lifecycles.subscribe({
        models: ['plugin::i18n.locale'],
        afterCreate: changed,
        afterUpdate: changed,
        afterDelete: changed,
        afterCreateMany: changed,
        afterDeleteMany: changed,
        afterUpdateMany: changed,
      });
    },

    /** Calls `created` with the code of each locale created (after its insert). */
    onLocaleCreated(created: (code: string) => Promise<void>): void {
      strapi.db.lifecycles.subscribe({
        models: ['plugin::i18n.locale'],
        afterCreate: async (event: any) => {
          const code = event?.result?.code;
          if (typeof code === 'string') await created(code);
        },
      });
    },

    /**
     * Gives every permission of an admin role whose locales are null these locales instead;
     * answers the role's permissions as "action subject".
     */
    async nameLocalesOfRolePermissions(roleId: number, locales: string[]): Promise<Set<string>> {
      const permissions = await strapi.db.query('admin::permission').findMany({ where: { role: { id: roleId } }, select: ['id', 'action', 'subject', 'properties'] });
      for (const permission of permissions as Array<{ id: number; properties?: Record<string, unknown> }>) {
        if (!permission.properties || !('locales' in permission.properties) || permission.properties.locales !== null) continue;
        await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: { ...permission.properties, locales } } });
      }
      return new Set((permissions as Array<{ action: string; subject: string | null }>).map((p) => `${p.action} ${p.subject}`));
    },

    /** Adds a locale to every permission of these admin roles that names locales and lacks it. */
    async addLocaleToRolePermissions(roleCodes: string[], code: string): Promise<void> {
      const permissions = await strapi.db.query('admin::permission').findMany({ where: { role: { code: { $in: roleCodes } } }, select: ['id', 'properties'] });
      for (const permission of permissions as Array<{ id: number; properties?: { locales?: unknown } }>) {
        const locales = permission.properties?.locales;
        if (!Array.isArray(locales) || locales.includes(code)) continue;
        await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: { ...permission.properties, locales: [...locales, code] } } });
      }
    },

    /** The code of a locale by its id, or null. */
    async localeCode(id: unknown): Promise<string | null> {
      return (await rows('plugin::i18n.locale').findOne({ where: { id }, select: ['code'] }))?.code ?? null;
    },

    /** Whether any published version of these content types is in the locale. */
    async anyPublishedIn(uids: string[], locale: string): Promise<boolean> {
      for (const uid of uids) if (await rows(uid).count({ where: { locale, publishedAt: { $notNull: true } } })) return true;
      return false;
    },

    // --- Documents, through the Document Service -------------------------------------------

    /** One version of one document in one locale, with what `populate` asks for; null when absent. */
    findVersion(uid: string, documentId: string, locale: string, status: Status, populate: Record<string, unknown>): Promise<Record<string, any> | null> {
      return documents(uid).findOne({ documentId, locale, status, populate } as any) as Promise<Record<string, any> | null>;
    },

    /** The slug of a draft, for its preview link. */
    async draftSlug(uid: string, documentId: string, locale: string): Promise<string | null> {
      const entry = await documents(uid).findOne({ documentId, locale, status: 'draft', fields: ['slug'] } as any);
      return (entry?.slug as string | undefined) ?? null;
    },

    /** Saves fields of a draft through the Document Service, so every middleware sees the write. */
    async updateDraft(target: DocumentTarget, data: Record<string, unknown>): Promise<void> {
      await documents(target.contentType).update({ documentId: target.documentId, locale: target.locale, data } as any);
    },

    /** Publishes one locale of a document (the publish gate decides and sets the byline). */
    async publish(target: DocumentTarget): Promise<void> {
      await documents(target.contentType).publish({ documentId: target.documentId, locale: target.locale } as any);
    },

    /** Takes one locale of a document off the site (the publish gate decides and logs). */
    async unpublish(target: DocumentTarget): Promise<void> {
      await documents(target.contentType).unpublish({ documentId: target.documentId, locale: target.locale } as any);
    },

    /** Every published version of a type in every locale, with the reviewer linked to it (the reviews-due page). */
    publishedWithReviewer(uid: string, fields: string[], dueThrough?: string): Promise<Array<Record<string, any>>> {
      return documents(uid).findMany({
        locale: '*',
        status: 'published',
        fields,
        // Only pages due by then, soonest first: asked for every published version, the limit
        // below silently kept the first 1,000 of a type (a scale clinic has 15,000 FAQ versions).
        ...(dueThrough ? { filters: { nextReviewDue: { $lte: dueThrough } }, sort: ['nextReviewDue:asc'] } : {}),
        populate: { reviewedBy: { fields: ['fullName', 'credentials'] } },
        limit: 1000,
      } as any) as Promise<Array<Record<string, any>>>;
    },

    // --- Rows, through the query engine ----------------------------------------------------

    /**
     * One page of a type's published versions in one locale, by documentId after `after`: only
     * what a sitemap needs, in one statement (the Document Service would add its middlewares and
     * a count). Published rows only, whoever asks: drafts never reach a sitemap.
     */
    publishedSlugsPage(uid: string, locale: string, after: string | null, limit: number): Promise<Array<{ documentId: string; slug: string; updatedAt: string | Date | null }>> {
      return rows(uid).findMany({
        where: { locale, publishedAt: { $notNull: true }, ...(after ? { documentId: { $gt: after } } : {}) },
        select: ['documentId', 'slug', 'updatedAt'],
        orderBy: [{ documentId: 'asc' }],
        limit,
      });
    },

    /** The locales in which a document has versions of this kind. */
    async localesOf(uid: string, documentId: string, versions: Versions): Promise<string[]> {
      const found: Array<{ locale: string }> = await rows(uid).findMany({ where: { documentId, ...publicationFilter(versions) }, select: ['locale'] });
      return [...new Set(found.map((row) => row.locale))];
    },

    /** The versions (document and locale) an action could touch: of one document or all, in some locales or all. */
    async versionsOf(uid: string, criteria: { documentId?: string; locales?: string[]; versions: Versions }): Promise<DocumentVersionRef[]> {
      const where: Record<string, unknown> = { ...publicationFilter(criteria.versions) };
      if (criteria.documentId) where.documentId = criteria.documentId;
      if (criteria.locales) where.locale = { $in: criteria.locales };
      return rows(uid).findMany({ where, select: ['documentId', 'locale'] });
    },

    /**
     * Copies `fields` from one locale's version (draft or published) of a document to its other
     * versions of that kind: settings stored on every locale's row but meant as one value.
     */
    async copyFieldsToOtherLocales(uid: string, documentId: string, fromLocale: string, versions: 'draft' | 'published', fields: string[]): Promise<void> {
      const source = await rows(uid).findOne({ where: { documentId, locale: fromLocale, ...publicationFilter(versions) }, select: fields });
      if (!source) return;
      const data = Object.fromEntries(fields.map((field) => [field, source[field] ?? null]));
      await rows(uid).updateMany({ where: { documentId, locale: { $ne: fromLocale }, ...publicationFilter(versions) }, data });
    },

    /** The locale of the most recently saved version of this kind of a type's documents (a single type's). */
    async latestSavedVersion(uid: string, versions: 'draft' | 'published'): Promise<DocumentVersionRef | null> {
      return rows(uid).findOne({ where: publicationFilter(versions), select: ['documentId', 'locale'], orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] });
    },

    /** Published versions of `uid` whose relation `attribute` points at the document. */
    publishedLinkingTo(uid: string, attribute: string, documentId: string): Promise<Array<{ documentId: string; locale: string }>> {
      return rows(uid).findMany({ where: { publishedAt: { $notNull: true }, [attribute]: { documentId } }, select: ['documentId', 'locale'] });
    },

    /** Which of these documents have a version patients can read (published, in this locale where the type is localized). */
    async liveDocumentIds(uid: string, documentIds: string[], locale: string): Promise<Set<string>> {
      if (!documentIds.length) return new Set();
      const model = strapi.getModel(uid as any) as any;
      const published = model?.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {};
      const localized = model?.pluginOptions?.i18n?.localized ? { locale } : {};
      const found: Array<{ documentId: string }> = await rows(uid).findMany({ where: { documentId: { $in: documentIds }, ...published, ...localized }, select: ['documentId'] });
      return new Set(found.map((row) => row.documentId));
    },

    /** What an editor calls a version: its title, question or name. */
    async titleOf(target: DocumentTarget): Promise<string> {
      const row = await rows(target.contentType).findOne({ where: { documentId: target.documentId, locale: target.locale } });
      return row ? documentTitle(row) : target.documentId;
    },

    /** A draft's own review interval in months, when it sets one. */
    async draftReviewInterval(target: DocumentTarget): Promise<number | null> {
      const draft = await rows(target.contentType).findOne({ where: { documentId: target.documentId, locale: target.locale, publishedAt: null }, select: ['reviewIntervalMonths'] });
      return draft?.reviewIntervalMonths ?? null;
    },

    /** Whether a draft is flagged as a translation that may be out of date. */
    async draftTranslationOutOfDate(target: DocumentTarget): Promise<boolean> {
      const draft = await rows(target.contentType).findOne({ where: { documentId: target.documentId, locale: target.locale, publishedAt: null }, select: ['translationOutOfDate'] });
      return Boolean(draft?.translationOutOfDate);
    },

    /** Sets the drift flag on every version of one locale (a bookkeeping flag, outside any revision). */
    async setTranslationOutOfDate(uid: string, documentId: string, locale: string, outOfDate: boolean): Promise<void> {
      await rows(uid).updateMany({ where: { documentId, locale }, data: { translationOutOfDate: outOfDate } });
    },

    /** The start and end of a rebrand notice's window as stored. */
    async rebrandWindow(uid: string, documentId: string): Promise<{ startsAt?: string | Date; endsAt?: string | Date }> {
      return (await rows(uid).findOne({ where: { documentId }, select: ['startsAt', 'endsAt'] })) ?? {};
    },

    /** The provider a super admin linked to an admin account, preferring `locale` (published first) when given. */
    async providerOfReviewerAccount(accountId: number, locale?: string): Promise<{ documentId: string; fullName: string; credentials?: string | null; specialty?: string | null } | null> {
      const where = { reviewerAccountId: accountId };
      const select = ['documentId', 'fullName', 'credentials', 'specialty'];
      return (locale && (await publishedFirst(PROVIDER_UID, { ...where, locale }, select))) || (await publishedFirst(PROVIDER_UID, where, select)) || null;
    },

    /** Whether a provider has a bio (any version) in this locale. */
    async providerHasBioIn(providerDocumentId: string, locale: string): Promise<boolean> {
      return (await rows(PROVIDER_UID).count({ where: { documentId: providerDocumentId, locale } })) > 0;
    },

    /** The clinic's approval rules and default review interval, as stored (published first). */
    clinicSettings(): Promise<{ allowSelfApproval?: boolean | null; allowPeerBioApproval?: boolean | null; defaultReviewIntervalMonths?: number | null } | null> {
      return publishedFirst(CLINIC_UID, {}, ['allowSelfApproval', 'allowPeerBioApproval', 'defaultReviewIntervalMonths']);
    },

    // --- The review log ------------------------------------------------------------------

    /**
     * The unique index that lets only one of two concurrent appends after the same entry through,
     * and the one every decision reads its document's history by (without it each read scans the
     * whole log: 10 ms at 18,000 entries, and growing with every decision).
     */
    async ensureReviewLogSequenceIndex(): Promise<void> {
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS clinic_review_entries_sequence_uq ON ${REVIEW_ENTRY_TABLE} (sequence_key)`);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS clinic_review_entries_target_idx ON ${REVIEW_ENTRY_TABLE} (reviewed_document_id, locale)`);
    },

    /**
     * The review log's heads: one row per reviewed version (type, document, locale) naming its
     * latest entry, with that entry's decision and date, indexed by decision and date. The queue
     * is "versions whose latest entry is a submission": read from the log itself, that is every
     * entry of every version (37,000 at scale, and growing); from the heads, one page of an index.
     * A table of our own, outside Strapi's models (Strapi leaves tables it did not create alone).
     * Rebuilt from the log on every start, so a restored or hand-edited log cannot leave it behind:
     * heads that name no entry of their version go, and every version's latest entry is upserted.
     */
    async ensureReviewHeads(): Promise<void> {
      const sqlite = (strapi.db as any).dialect?.client === 'sqlite';
      await strapi.db.transaction(async ({ trx }) => {
        // CMS instances starting together would race on the CREATE ... IF NOT EXISTS (PostgreSQL
        // can fail on its own catalog) and on the rebuild: one at a time, DDL included.
        if (!sqlite) await trx.raw('SELECT pg_advisory_xact_lock(?)', [REVIEW_HEADS_SETUP_LOCK]);
        if (!(await trx.schema.hasTable(REVIEW_HEAD_TABLE))) {
          await trx.raw(
            `CREATE TABLE IF NOT EXISTS ${REVIEW_HEAD_TABLE} (content_type varchar(255) NOT NULL, reviewed_document_id varchar(255) NOT NULL, locale varchar(255) NOT NULL, entry_id integer NOT NULL, decision varchar(255) NOT NULL, decided_at ${sqlite ? 'datetime' : 'timestamp(6)'}, PRIMARY KEY ${REVIEW_HEAD_KEY})`,
          );
        }
        await trx.raw(`CREATE INDEX IF NOT EXISTS ${REVIEW_HEAD_TABLE}_decision_idx ON ${REVIEW_HEAD_TABLE} (decision, decided_at, entry_id)`);
        await trx.raw(
          `DELETE FROM ${REVIEW_HEAD_TABLE} WHERE NOT EXISTS (SELECT 1 FROM ${REVIEW_ENTRY_TABLE} e WHERE e.id = ${REVIEW_HEAD_TABLE}.entry_id AND e.content_type = ${REVIEW_HEAD_TABLE}.content_type AND e.reviewed_document_id = ${REVIEW_HEAD_TABLE}.reviewed_document_id AND e.locale = ${REVIEW_HEAD_TABLE}.locale)`,
        );
        await trx.raw(
          `INSERT INTO ${REVIEW_HEAD_TABLE} (content_type, reviewed_document_id, locale, entry_id, decision, decided_at)
           SELECT e.content_type, e.reviewed_document_id, e.locale, e.id, e.decision, e.decided_at FROM ${REVIEW_ENTRY_TABLE} e
           WHERE e.id IN (SELECT MAX(id) FROM ${REVIEW_ENTRY_TABLE} GROUP BY content_type, reviewed_document_id, locale)
             AND e.content_type IS NOT NULL AND e.reviewed_document_id IS NOT NULL AND e.locale IS NOT NULL AND e.decision IS NOT NULL
           ${ADVANCE_HEAD}`,
        );
      });
    },

    /** Review log rows matching `where`, in the order they were appended. */
    reviewLogRows(where: Record<string, unknown>, select?: string[]): Promise<Array<Record<string, any>>> {
      return rows(REVIEW_ENTRY_UID).findMany({ where, orderBy: [{ id: 'asc' }], ...(select ? { select } : {}) });
    },

    /**
     * Appends one row to the review log (the query engine: the Document Service refuses review
     * log writes) and makes it its version's head, in one transaction (the caller's when open).
     */
    appendReviewLogRow(data: Record<string, unknown>): Promise<Record<string, any>> {
      return strapi.db.transaction(async ({ trx }) => {
        const row = await rows(REVIEW_ENTRY_UID).create({ data });
        await trx.raw(
          `INSERT INTO ${REVIEW_HEAD_TABLE} (content_type, reviewed_document_id, locale, entry_id, decision, decided_at)
           SELECT content_type, reviewed_document_id, locale, id, decision, decided_at FROM ${REVIEW_ENTRY_TABLE} WHERE id = ? ${ADVANCE_HEAD}`,
          [row.id],
        );
        return row;
      }) as Promise<Record<string, any>>;
    },

    /**
     * The latest entries that are submissions (what awaits a physician), oldest first, `limit` from
     * `offset` (all when no limit), and how many there are: through the heads' index, so the cost
     * is a page's, not the log's.
     */
    async latestSubmissions(select: string[], page: { offset: number; limit: number | null }): Promise<{ rows: Array<Record<string, any>>; total: number }> {
      const knex = strapi.db.connection;
      const waiting = () => knex(REVIEW_HEAD_TABLE).where({ decision: 'submitted' });
      const total = Number((await waiting().count({ total: '*' }))[0]?.total ?? 0);
      let ids = waiting().select('entry_id').orderBy([{ column: 'decided_at' }, { column: 'entry_id' }]).offset(page.offset);
      if (page.limit !== null) ids = ids.limit(page.limit);
      const entryIds = (await ids).map((head: { entry_id: number }) => head.entry_id);
      if (!entryIds.length) return { rows: [], total };
      const found = await rows(REVIEW_ENTRY_UID).findMany({ where: { id: { $in: entryIds } }, select });
      const byId = new Map(found.map((row: Record<string, any>) => [row.id, row]));
      return { rows: entryIds.flatMap((id: number) => (byId.has(id) ? [byId.get(id)!] : [])), total };
    },

    // --- Announcements to the site (the outbox) ---------------------------------------------

    /** Whether the caller runs inside an open transaction. */
    inTransactionNow(): boolean {
      return strapi.db.inTransaction();
    },

    /** The unique delivery ids, and the index the delivery worker looks due rows up by. */
    async ensureAnnouncementIndexes(): Promise<void> {
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS clinic_announcements_delivery_uq ON ${ANNOUNCEMENT_TABLE} (delivery_id)`);
      await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS clinic_announcements_due_idx ON ${ANNOUNCEMENT_TABLE} (state, next_attempt_at)`);
    },

    /** Adds announcements to send, due now; inside the caller's transaction when one is open, so they commit (or roll back) with the change. */
    async queueAnnouncements(announcements: Array<{ deliveryId: string; url: string; body: string }>, now: Date): Promise<void> {
      if (!announcements.length) return;
      await rows(ANNOUNCEMENT_UID).createMany({ data: announcements.map((a) => ({ ...a, state: 'pending', attempts: 0, nextAttemptAt: now })) });
    },

    /** Pending announcements due by `now` that no worker holds (or whose holder's claim has run out), oldest first. */
    dueAnnouncements(now: Date, limit: number, exceptUrls: string[]): Promise<PendingAnnouncement[]> {
      return rows(ANNOUNCEMENT_UID).findMany({
        where: {
          state: 'pending',
          nextAttemptAt: { $lte: now },
          $or: [{ claimedUntil: { $null: true } }, { claimedUntil: { $lt: now } }],
          ...(exceptUrls.length ? { url: { $notIn: exceptUrls } } : {}),
        },
        select: ['id', 'deliveryId', 'url', 'body', 'attempts'],
        orderBy: [{ id: 'asc' }],
        limit,
      });
    },

    /**
     * Claims one pending announcement for `worker` until `until`: a single conditional UPDATE,
     * so of two workers (two CMS instances on one database) exactly one gets it; a crashed
     * worker's claim runs out and the row is due again. False when another worker holds it.
     */
    async claimAnnouncement(id: number, worker: string, now: Date, until: Date): Promise<boolean> {
      const { count } = await rows(ANNOUNCEMENT_UID).updateMany({
        where: { id, state: 'pending', $or: [{ claimedUntil: { $null: true } }, { claimedUntil: { $lt: now } }] },
        data: { claimedBy: worker, claimedUntil: until },
      });
      return count === 1;
    },

    /** Records the outcome of an attempt and lets go of the claim; false when the claim was lost to another worker meanwhile. */
    async finishAnnouncementAttempt(id: number, worker: string, outcome: { state: 'pending' | 'delivered' | 'dropped'; attempts: number; nextAttemptAt?: Date; lastError?: string | null; deliveredAt?: Date }): Promise<boolean> {
      const { count } = await rows(ANNOUNCEMENT_UID).updateMany({ where: { id, claimedBy: worker }, data: { ...outcome, claimedBy: null, claimedUntil: null } });
      return count === 1;
    },

    /** Makes announcements to `url` that failed before due now (the site has just accepted one, so it is back). */
    async hurryAnnouncements(url: string, now: Date): Promise<void> {
      await rows(ANNOUNCEMENT_UID).updateMany({ where: { url, state: 'pending', attempts: { $gt: 0 }, nextAttemptAt: { $gt: now } }, data: { nextAttemptAt: now } });
    },

    /** Forgets delivered and dropped announcements older than `before`. */
    async pruneAnnouncements(before: Date): Promise<void> {
      await rows(ANNOUNCEMENT_UID).deleteMany({ where: { state: { $in: ['delivered', 'dropped'] }, updatedAt: { $lt: before } } });
    },

    /** How many announcements wait, how many of them have failed at least once, and the oldest one's age and last error. */
    async announcementBacklog(): Promise<{ pending: number; failing: number; oldestPendingSince: string | null; lastError: string | null }> {
      const pending = await rows(ANNOUNCEMENT_UID).count({ where: { state: 'pending' } });
      const failing = await rows(ANNOUNCEMENT_UID).count({ where: { state: 'pending', attempts: { $gt: 0 } } });
      const oldest = pending ? await rows(ANNOUNCEMENT_UID).findOne({ where: { state: 'pending' }, select: ['createdAt', 'lastError'], orderBy: [{ id: 'asc' }] }) : null;
      const since = oldest?.createdAt ? new Date(oldest.createdAt).toISOString() : null;
      return { pending, failing, oldestPendingSince: since, lastError: oldest?.lastError ?? null };
    },

    // --- Review reminders and reading levels ---------------------------------------------

    /** The clinic's reading level target as stored (published first); the domain validates it. */
    async readingLevelTarget(): Promise<unknown> {
      return (await publishedFirst(CLINIC_UID, {}, ['readingLevelTarget']))?.readingLevelTarget ?? null;
    },

    /** Active admin accounts holding a role, with what a reminder needs (name, email, interface language). */
    adminAccountsWithRole(roleCode: string): Promise<Array<{ id: number; email: string; firstname?: string | null; lastname?: string | null; preferedLanguage?: string | null }>> {
      return rows('admin::user').findMany({ where: { roles: { code: roleCode }, isActive: true, blocked: false }, select: ['id', 'email', 'firstname', 'lastname', 'preferedLanguage'] });
    },

    /** Which provider each of these admin accounts signs as (a super admin's link). */
    async providersOfReviewerAccounts(accountIds: number[]): Promise<Map<number, string>> {
      if (!accountIds.length) return new Map();
      const found: Array<{ documentId: string; reviewerAccountId: number }> = await rows(PROVIDER_UID).findMany({ where: { reviewerAccountId: { $in: accountIds } }, select: ['documentId', 'reviewerAccountId'] });
      return new Map(found.map((row) => [Number(row.reviewerAccountId), row.documentId]));
    },

    /** A unique index on the delivery key: of two servers sending the same day's digest, one claims it. */
    async ensureDigestDeliveryIndex(): Promise<void> {
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS clinic_review_digest_deliveries_key_uq ON ${DIGEST_DELIVERY_TABLE} (delivery_key)`);
    },

    /** Records a digest as sent before sending it; false when it already was (that day, that recipient). */
    async claimDigestDelivery(data: { deliveryKey: string; day: string; recipientId: string; recipientEmail: string; sentAt: Date }): Promise<boolean> {
      try {
        await rows(DIGEST_DELIVERY_UID).create({ data });
        return true;
      } catch (error) {
        if (/unique|duplicate/i.test(String((error as Error)?.message))) return false;
        throw error;
      }
    },

    /** Gives a claim back when the mail server refused the message, so the next run tries again. */
    async releaseDigestDelivery(deliveryKey: string): Promise<void> {
      await rows(DIGEST_DELIVERY_UID).deleteMany({ where: { deliveryKey } });
    },

    // --- Media library ---------------------------------------------------------------------

    /** Calls the handlers before writes to uploaded files (the media library writes below the Document Service). */
    onFileWrites(handlers: Record<'beforeCreate' | 'beforeUpdate' | 'beforeUpdateMany' | 'beforeDelete' | 'beforeDeleteMany', (event: any) => Promise<void>>): void {
      strapi.db.lifecycles.subscribe({ models: [UPLOAD_FILE], ...handlers } as any);
    },

    /** The rows that use the files `where` selects, each with its content type as `__type`. */
    async rowsUsingFiles(where: unknown): Promise<Array<Record<string, any>>> {
      const files: Array<{ related?: Array<Record<string, any>> }> = await rows(UPLOAD_FILE).findMany({ where: where as any, populate: { related: true } });
      return files.flatMap((file) => file.related ?? []);
    },

    /** One row by its id (any version), or null. */
    rowById(uid: string, id: unknown): Promise<Record<string, any> | null> {
      return rows(uid).findOne({ where: { id } });
    },

    // --- Users & Permissions -------------------------------------------------------------

    /** The id of Users & Permissions' public role, when the plugin is there. */
    async publicRoleId(): Promise<number | null> {
      const role = await rows('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      return role?.id ?? null;
    },

    /** Grants a role an action unless it already has it. */
    async ensureRolePermission(roleId: number, action: string): Promise<void> {
      const permissions = rows('plugin::users-permissions.permission');
      if (!(await permissions.findOne({ where: { action, role: roleId } }))) await permissions.create({ data: { action, role: roleId } });
    },
  };
}

export type ClinicRepository = ReturnType<typeof createClinicRepository>;
