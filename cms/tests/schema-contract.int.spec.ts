import fs from 'fs';
import { bootCms, type BootedCms } from './harness/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { printPublicSchema, SCHEMA_FILE } = require('../scripts/public-schema');

/** The committed schema is the contract the site's generated types follow; drift fails CI. */
let cms: BootedCms;
beforeAll(async () => {
  cms = await bootCms();
});
afterAll(() => cms?.stop());

it('the committed cms/schema.graphql is exactly what the CMS serves (pnpm --filter cms schema:write)', async () => {
  const served: string = await printPublicSchema(cms.strapi);
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  expect(committed).toBe(served);
});

it('the contract exposes the clinic types and no mutation on them', async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  for (const type of ['ClinicProcedure', 'ClinicProvider', 'ClinicFaq', 'ClinicRebrandNotice', 'ClinicClinic', 'ComponentClinicProcedureSection']) {
    expect(committed).toMatch(new RegExp(`^type ${type} \\{`, 'm'));
  }
  expect(committed).not.toMatch(/createClinic|updateClinic|deleteClinic/);
});
