import {
  type AppName,
  appNameSchema,
  SUBSCRIBE_KINDS,
  type SubscribeKind,
  subscribeMappingProblems,
} from '@wematrix/shared';
import { z } from 'zod';

/** One configured template: which app asks for it, the notice it carries, and its field mapping. */
export interface SubscribeTemplateSetting {
  app: AppName;
  kind: SubscribeKind;
  /** The id from the MP admin site (订阅消息 → 我的模板). */
  templateId: string;
  /** Field key → the notice's value that fills it, e.g. `{ thing2: 'goods', time5: 'shippedAt' }`. */
  fields: Record<string, string>;
}

/** Which version of the mini-program a notice opens (subscribeMessage.send's miniprogram_state). */
export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeConfig {
  templates: SubscribeTemplateSetting[];
  miniprogramState: MiniprogramState;
}

const settingsSchema = z.array(
  z.object({
    app: appNameSchema,
    kind: z.enum(SUBSCRIBE_KINDS),
    templateId: z.string().regex(/^[\w-]{1,64}$/),
    fields: z.record(z.string(), z.string()),
  }),
);

/**
 * WECHAT_SUBSCRIBE_TEMPLATES (a JSON array of settings; unset or empty: no notices, the apps
 * ask for nothing) and WECHAT_SUBSCRIBE_STATE. Any problem is thrown as a message naming the
 * variable; config.ts turns it into a ConfigError.
 */
export function parseSubscribeConfig(env: NodeJS.ProcessEnv): SubscribeConfig {
  const raw = env.WECHAT_SUBSCRIBE_TEMPLATES?.trim() ?? '';
  const state = env.WECHAT_SUBSCRIBE_STATE?.trim() || 'formal';
  if (!['developer', 'trial', 'formal'].includes(state))
    throw new Error('WECHAT_SUBSCRIBE_STATE must be developer, trial or formal');
  if (raw === '') return { templates: [], miniprogramState: state as MiniprogramState };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('WECHAT_SUBSCRIBE_TEMPLATES must be a JSON array of {app, kind, templateId, fields}');
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `WECHAT_SUBSCRIBE_TEMPLATES is not a list of {app, kind, templateId, fields}: ${parsed.error.message}`,
    );
  const seen = new Set<string>();
  for (const setting of parsed.data) {
    // One template per notice and app: which one to send would otherwise be a guess.
    const key = `${setting.app}:${setting.kind}`;
    if (seen.has(key))
      throw new Error(`WECHAT_SUBSCRIBE_TEMPLATES names two ${setting.kind} templates for ${setting.app}`);
    seen.add(key);
    const problems = subscribeMappingProblems(setting);
    if (problems.length > 0)
      throw new Error(`WECHAT_SUBSCRIBE_TEMPLATES ${setting.kind} (${setting.app}): ${problems.join('; ')}`);
  }
  return { templates: parsed.data, miniprogramState: state as MiniprogramState };
}
