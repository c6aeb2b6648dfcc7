import { HttpLink } from '@apollo/client';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';

export const CMS_URL = process.env.CMS_URL ?? 'http://127.0.0.1:1337';

/** One Apollo client per server request; patient pages ship no GraphQL to the browser. */
export const { getClient } = registerApolloClient(
  () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: `${CMS_URL}/graphql` }),
      defaultOptions: { query: { fetchPolicy: 'no-cache' } },
    }),
);
