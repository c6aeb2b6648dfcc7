import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { defaultGraphqlLimits, type GraphqlLimits } from '../config';
import { fragmentFanOutPlugin, fragmentFanOutRule } from './fragment-fan-out';
import { loadOperationAllowlist, operationAllowlistRule } from './operation-allowlist';
import { operationChoicePlugin } from './operation-choice';
import { paginationArgumentsPlugin } from './pagination-arguments';

/**
 * Armor's rules throw by default, and Apollo answers a throwing rule with a 500. Reported to
 * the validation context instead, a refusal is an ordinary invalid operation: a 400 whose
 * message says which limit and by how much (limits are not secrets; clients need them).
 */
const reportAsInvalid = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/** GraphQL Armor's validation rules for aliases, depth, directives and cost. */
export function operationLimitRules(limits: GraphqlLimits): ValidationRule[] {
  return [
    // No alias is free, `__typename` included (Armor exempts it by default).
    maxAliasesRule({ n: limits.maxAliases, allowList: [], ...reportAsInvalid }),
    // Fragments do not add a level: depth is what the answer's nesting will be.
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...reportAsInvalid }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAsInvalid }),
    costLimitRule({ maxCost: limits.maxCost, ...reportAsInvalid }),
    fragmentFanOutRule,
  ];
}

type ApolloServerConfig = {
  validationRules?: ValidationRule[];
  parseOptions?: Record<string, unknown>;
  [key: string]: unknown;
};

/**
 * Adds the limits (and, when configured, the operation allowlist) to the GraphQL plugin's
 * Apollo Server. Runs in our register phase, before the GraphQL plugin's bootstrap reads
 * `apolloServer` and merges it into its own defaults, concatenating arrays: so these rules
 * join Strapi's depth rule, and its landing-page and root-arguments plugins stay.
 */
export function applyGraphqlLimits(strapi: Core.Strapi): void {
  const clinic = strapi.plugin('clinic');
  const limits: GraphqlLimits = { ...defaultGraphqlLimits, ...(clinic.config('graphqlLimits') as Partial<GraphqlLimits> | undefined) };
  const rules = operationLimitRules(limits);

  const allowlist = clinic.config('graphqlAllowlist') as string | undefined;
  if (allowlist) {
    const file = path.resolve(strapi.dirs.app.root, allowlist);
    const hashes = loadOperationAllowlist(file);
    rules.push(operationAllowlistRule(hashes));
    strapi.log.info(`GraphQL accepts only the ${hashes.size} operations listed in ${file}`);
  }

  const apollo = strapi.config.get<ApolloServerConfig>('plugin::graphql.apolloServer', {}) ?? {};
  strapi.config.set('plugin::graphql.apolloServer', {
    ...apollo,
    validationRules: [...(apollo.validationRules ?? []), ...rules],
    // Fragments expanding past the cost limit are refused before validation walks them (see fragment-fan-out.ts).
    plugins: [...((apollo.plugins as unknown[] | undefined) ?? []), fragmentFanOutPlugin(limits.maxCost), operationChoicePlugin, paginationArgumentsPlugin],
    // graphql-js stops lexing past the limit, before any work on the document, and Apollo answers
    // its syntax error with a 400. (Armor's Apollo token plugin throws outside the parser: a 500.)
    parseOptions: { ...apollo.parseOptions, maxTokens: limits.maxTokens },
    // One operation per request: a JSON array body is refused with a 400 (also Apollo's default).
    allowBatchedHttpRequests: false,
    // The site sends whole documents; no cache of strangers' query texts by hash.
    persistedQueries: false,
  });
}
