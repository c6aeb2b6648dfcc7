/**
 * The shape of a public read, checked against the content model before any SQL runs. A
 * public caller may filter, sort and populate along what patients can read, with operators
 * and values of the right kind; anything else is refused with a message, never passed on.
 * This closes three doors at once: `localizations` joins other locales' drafts (a filter over
 * it answered yes or no about unpublished text), a file's `related` lists every row using it,
 * drafts included, and malformed operators reached the database and came back as 500s.
 */

export interface QueryAttribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  private?: boolean;
}

export type AttributesOf = (uid: string) => Record<string, QueryAttribute> | undefined;

const MEDIA = 'plugin::upload.file';
const NUMERIC = new Set(['integer', 'biginteger', 'float', 'decimal']);
const SCALAR_OPERATORS = new Set(['$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi']);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
/** Attributes every content type has that are not in its `attributes` list. */
const BUILT_IN: Record<string, QueryAttribute> = { id: { type: 'integer' }, documentId: { type: 'string' } };
/** Relations a public read may not follow: to other locales' versions (drafts among them). */
const NOT_FOLLOWED = new Set(['localizations']);
const POPULATE_KEYS = new Set(['populate', 'fields', 'filters', 'sort', 'count']);

/**
 * Own keys only: `constructor`, `__proto__` or `toString` are members of every plain object,
 * so `attributes[key]` or `key in attributes` would take them for fields and pass them to SQL.
 */
const ownValue = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function attributeOf(attributesOf: AttributesOf, uid: string, key: string): QueryAttribute | undefined {
  return ownValue(attributesOf(uid), key) ?? ownValue(BUILT_IN, key);
}

/** Where a public read may go from a model through an attribute, or why not. */
function followProblem(uid: string, key: string, attribute: QueryAttribute | undefined, path: string): string | null {
  if (!attribute) return `${path}: "${key}" is not a field of ${uid}.`;
  if (attribute.private) return `${path}: "${key}" is private.`;
  if (NOT_FOLLOWED.has(key)) return `${path}: "${key}" cannot be used here; ask for each locale by its own locale parameter.`;
  if (attribute.type === 'dynamiczone') return `${path}: "${key}" cannot be used here.`;
  if (attribute.type === 'relation') {
    if (!attribute.target || attribute.relation?.startsWith('morph')) return `${path}: "${key}" cannot be used here.`;
    if (attribute.target.startsWith('admin::') || attribute.target.startsWith('plugin::users-permissions')) return `${path}: "${key}" is private.`;
  }
  return null;
}

const targetOf = (attribute: QueryAttribute): string | null =>
  attribute.type === 'relation' ? (attribute.target ?? null) : attribute.type === 'media' ? MEDIA : attribute.type === 'component' ? (attribute.component ?? null) : null;

function valueProblem(attribute: QueryAttribute, value: unknown, path: string): string | null {
  if (!isScalar(value)) return `${path}: expected a single value.`;
  if (NUMERIC.has(attribute.type) && (value === '' || !Number.isFinite(Number(value)))) return `${path}: expected a number.`;
  if (attribute.type === 'boolean' && !['true', 'false', true, false, 0, 1, '0', '1'].includes(value as never)) return `${path}: expected true or false.`;
  if (['date', 'datetime', 'timestamp'].includes(attribute.type) && Number.isNaN(Date.parse(String(value)))) return `${path}: expected a date.`;
  return null;
}

function scalarFilterProblem(attribute: QueryAttribute, filter: unknown, path: string): string | null {
  if (!isObject(filter)) return valueProblem(attribute, filter, path);
  for (const [operator, value] of Object.entries(filter)) {
    const at = `${path}[${operator}]`;
    if (SCALAR_OPERATORS.has(operator)) {
      const problem = valueProblem(attribute, value, at);
      if (problem) return problem;
    } else if (LIST_OPERATORS.has(operator)) {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return `${at}: expected at least one value.`;
      for (const v of values) {
        const problem = valueProblem(attribute, v, at);
        if (problem) return problem;
      }
    } else if (operator === '$between') {
      if (!Array.isArray(value) || value.length !== 2) return `${at}: expected exactly two values.`;
      for (const v of value) {
        const problem = valueProblem(attribute, v, at);
        if (problem) return problem;
      }
    } else if (PRESENCE_OPERATORS.has(operator)) {
      if (!['true', 'false', true, false].includes(value as never)) return `${at}: expected true or false.`;
    } else if (operator === '$not') {
      const problem = scalarFilterProblem(attribute, value, at);
      if (problem) return problem;
    } else {
      return `${at}: unknown operator.`;
    }
  }
  return null;
}

export function filtersProblem(attributesOf: AttributesOf, uid: string, filters: unknown, path = 'filters', depth = 0): string | null {
  if (filters === undefined || filters === null) return null;
  if (depth > 8) return `${path}: filters are nested too deeply.`;
  if (!isObject(filters)) return `${path}: expected an object of fields and operators.`;
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}[${key}]`;
    if (key === '$and' || key === '$or') {
      const list = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
      if (!list || list.some((item) => !isObject(item))) return `${at}: expected a list of filter objects.`;
      for (const [i, item] of list.entries()) {
        const problem = filtersProblem(attributesOf, uid, item, `${at}[${i}]`, depth + 1);
        if (problem) return problem;
      }
      continue;
    }
    if (key === '$not') {
      const problem = filtersProblem(attributesOf, uid, value, at, depth + 1);
      if (problem) return problem;
      continue;
    }
    const attribute = attributeOf(attributesOf, uid, key);
    const refused = followProblem(uid, key, attribute, at);
    if (refused) return refused;
    const target = targetOf(attribute!);
    const problem = target
      ? isObject(value) && Object.keys(value).every((k) => PRESENCE_OPERATORS.has(k))
        ? scalarFilterProblem({ type: 'relation' }, value, at)
        : filtersProblem(attributesOf, target, value, at, depth + 1)
      : scalarFilterProblem(attribute!, value, at);
    if (problem) return problem;
  }
  return null;
}

function sortProblem(attributesOf: AttributesOf, uid: string, sort: unknown, path = 'sort'): string | null {
  if (sort === undefined || sort === null || sort === '') return null;
  const entries: Array<[string, unknown]> =
    typeof sort === 'string' ? sort.split(',').map((s) => [s.split(':')[0]!.trim(), s.split(':')[1]?.trim() ?? 'asc'])
    : Array.isArray(sort) ? sort.flatMap((s) => (typeof s === 'string' ? [[s.split(':')[0]!.trim(), s.split(':')[1]?.trim() ?? 'asc'] as [string, unknown]] : isObject(s) ? Object.entries(s) : [['', s] as [string, unknown]]))
    : isObject(sort) ? Object.entries(sort)
    : [['', sort]];
  for (const [field, direction] of entries) {
    const [key, ...rest] = field.split('.');
    const attribute = attributeOf(attributesOf, uid, key ?? '');
    const refused = followProblem(uid, key ?? '', attribute, `${path}`);
    if (refused) return refused;
    const target = targetOf(attribute!);
    if (rest.length || isObject(direction)) {
      if (!target) return `${path}: "${key}" has no fields to sort by.`;
      const nested = rest.length ? rest.join('.') + (typeof direction === 'string' ? `:${direction}` : '') : direction;
      const problem = sortProblem(attributesOf, target, nested, `${path}.${key}`);
      if (problem) return problem;
    } else if (typeof direction !== 'string' || !['asc', 'desc'].includes(direction.toLowerCase())) {
      return `${path}: direction must be asc or desc.`;
    }
  }
  return null;
}

function populateProblem(attributesOf: AttributesOf, uid: string, populate: unknown, path = 'populate', depth = 0): string | null {
  if (populate === undefined || populate === null || populate === false || populate === '') return null;
  if (depth > 5) return `${path}: populate is nested too deeply.`;
  const attributes = attributesOf(uid) ?? {};
  const populatable = (key: string) => ['relation', 'media', 'component'].includes(ownValue(attributes, key)?.type ?? '');
  if (populate === '*' || populate === true) {
    // Everything one level down that may be followed; a file is populated as a leaf.
    if (uid === MEDIA && depth > 0) return `${path}: a file's own relations cannot be populated.`;
    return null;
  }
  const entries: Array<[string, unknown]> =
    typeof populate === 'string' ? populate.split(',').map((key) => [key.trim(), true])
    : Array.isArray(populate) ? populate.map((key) => [String(key), true])
    : isObject(populate) ? Object.entries(populate)
    : [];
  if (!entries.length) return `${path}: expected field names or an object.`;
  if (uid === MEDIA) return `${path}: a file's own relations cannot be populated.`;
  for (const [key, value] of entries) {
    const at = `${path}[${key}]`;
    const attribute = ownValue(attributes, key);
    if (!attribute || !populatable(key)) return `${at}: "${key}" cannot be populated.`;
    const refused = followProblem(uid, key, attribute, at);
    if (refused) return refused;
    const target = targetOf(attribute)!;
    if (value === true || value === '*' || value === 'true') continue;
    if (!isObject(value)) return `${at}: expected true, "*" or an object.`;
    for (const [option, inner] of Object.entries(value)) {
      if (!POPULATE_KEYS.has(option)) return `${at}[${option}]: unknown populate option.`;
      const problem =
        option === 'populate' ? populateProblem(attributesOf, target, inner, `${at}[populate]`, depth + 1)
        : option === 'filters' ? filtersProblem(attributesOf, target, inner, `${at}[filters]`)
        : option === 'sort' ? sortProblem(attributesOf, target, inner, `${at}[sort]`)
        : option === 'fields' ? fieldsProblem(attributesOf, target, inner, `${at}[fields]`)
        : null;
      if (problem) return problem;
    }
  }
  return null;
}

/** Field names to select: Strapi sends an empty or unknown name to the database as a column (a 500). */
function fieldsProblem(attributesOf: AttributesOf, uid: string, fields: unknown, path = 'fields'): string | null {
  if (fields === undefined || fields === null) return null;
  const names = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : isObject(fields) ? Object.values(fields) : null;
  if (!names || !names.length) return `${path}: expected field names.`;
  if (names.some((name) => typeof name !== 'string' || name.trim() === '')) return `${path}: expected field names, not an empty one.`;
  const unknown = (names as string[]).find((name) => !attributeOf(attributesOf, uid, name.trim()));
  if (unknown !== undefined) return `${path}: "${unknown}" is not a field of ${uid}.`;
  return null;
}

// Strapi reads limit -1 as "everything"; public pages hold at most the configured maximum, asked for explicitly.
const PAGE_LIMITS: Record<string, { min: number; allowMinusOne?: boolean }> = { page: { min: 1 }, pageSize: { min: 1 }, start: { min: 0 }, limit: { min: 1 } };

function paginationProblem(values: Record<string, unknown>, path: string): string | null {
  for (const [key, spec] of Object.entries(PAGE_LIMITS)) {
    const value = ownValue(values, key);
    if (value === undefined || value === null || value === '') continue;
    const n = Number(value);
    if (!Number.isInteger(n) || (n < spec.min && !(spec.allowMinusOne && n === -1))) return `${path}${key}: expected a whole number of at least ${spec.min}.`;
  }
  return null;
}

/** Every problem with a public read's parameters, or null when it may run. */
export function publicQueryProblem(attributesOf: AttributesOf, uid: string, params: Record<string, unknown>): string | null {
  if (params._q !== undefined && params._q !== null && typeof params._q !== 'string') return '_q: expected a search text.';
  return (
    filtersProblem(attributesOf, uid, params.filters) ??
    sortProblem(attributesOf, uid, params.sort) ??
    populateProblem(attributesOf, uid, params.populate) ??
    fieldsProblem(attributesOf, uid, params.fields) ??
    paginationProblem(params, '') ??
    (isObject(params.pagination) ? paginationProblem(params.pagination, 'pagination.') : null)
  );
}

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The query string as sent, before Strapi's parser quietly drops keys such as `constructor`
 * or `__proto__` (so `?constructor=1` or `filters[$and][0][constructor][$eq]=1` would read as
 * if they were not there): a key naming a built-in object member is not a parameter we know.
 */
export function rawQueryKeyProblem(querystring: string): string | null {
  for (const pair of querystring.split('&')) {
    const rawKey = pair.split('=')[0] ?? '';
    let key: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    } catch {
      return 'The query string is not valid URL encoding.';
    }
    const segments = key.split(/[[\].]/).filter(Boolean);
    const builtIn = segments.find((segment) => PROTOTYPE_NAMES.has(segment));
    if (builtIn !== undefined) return `${key}: "${builtIn}" is not a query parameter or field.`;
  }
  return null;
}
