import { bootCms, type BootedCms } from './harness/strapi';

let cms: BootedCms;
beforeAll(async () => {
  cms = await bootCms();
  await cms.seedDemo();
});
afterAll(() => cms?.stop());

it('serves the demo procedure over REST and GraphQL', async () => {
  const rest = await cms.http.get('/api/clinic/procedures?locale=es&populate=*');
  console.log(rest.status, JSON.stringify(rest.body).slice(0, 1500));
  const gql = await cms.graphql(`query { clinicProcedures(locale: "es") { title slug sections { kind heading steps { title } } faqs { question } providers { fullName } reviewedBy { fullName } localizations { locale slug } } }`);
  console.log(gql.status, JSON.stringify(gql.body).slice(0, 3000));
});
