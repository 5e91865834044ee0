/**
 * The privacy policy's version: consent is recorded per version, so bump it whenever
 * privacy-policy.ts changes. Its own module so the launch code that checks consent does not
 * carry the policy text into the mini-program's main package.
 */
export const PRIVACY_POLICY_VERSION = '2026-12-04';
