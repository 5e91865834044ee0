import { z } from 'zod';
import { appNameSchema, textInputSchema } from './common';

export const userSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  /** Demo shoppers carry their key so the H5 sign-in can show who is signed in. */
  demoKey: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** weapp: the code from `Taro.login()` plus which app asked (each app has its own appid). */
export const wechatLoginRequestSchema = z.object({
  app: appNameSchema,
  code: textInputSchema.min(1).max(128),
});
export type WechatLoginRequest = z.infer<typeof wechatLoginRequestSchema>;

/** H5 demo only: sign in as one of the seeded demo shoppers (disabled when DEV_LOGIN=off). */
export const devLoginRequestSchema = z.object({
  shopper: textInputSchema.min(1).max(32),
});
export type DevLoginRequest = z.infer<typeof devLoginRequestSchema>;

export const demoShopperSchema = z.object({
  key: z.string(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
});
export type DemoShopper = z.infer<typeof demoShopperSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type Session = z.infer<typeof sessionSchema>;
