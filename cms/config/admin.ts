export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'demo-admin-jwt-secret-change-me') },
  apiToken: { salt: env('API_TOKEN_SALT', 'demo-api-token-salt-change-me') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'demo-transfer-salt-change-me') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'demo-encryption-key-change-me') },
  flags: { nps: false, promoteEE: false },
});
