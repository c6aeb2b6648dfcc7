import { HttpLink } from '@apollo/client';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';
import { CMS_GRAPHQL_URL } from './cms-url';
import { fetchFromCms } from './cms-fetch';

/** One Apollo client per server request; patient pages ship no GraphQL to the browser. */
export const { getClient } = registerApolloClient(
  () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: CMS_GRAPHQL_URL, fetch: fetchFromCms }),
      defaultOptions: { query: { fetchPolicy: 'no-cache' } },
    }),
);
