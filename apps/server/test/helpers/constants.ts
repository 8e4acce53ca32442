/** A fixed secrets key for tests (never used outside them). */
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
