/** One mini-program registered with the sandbox, as on the WeChat MP admin site. */
export interface SandboxAppCredentials {
  appid: string;
  secret: string;
  /**
   * Whether jscode2session returns a unionid (real WeChat only does when the app is bound to
   * an open-platform account). Default true; false lets tests cover the openid fallback.
   */
  unionid?: boolean;
}

export type SandboxClock = () => Date;

/** The apps, by appid, with a secret check that does not leak timing. */
export class SandboxAppRegistry {
  private readonly byAppid = new Map<string, SandboxAppCredentials>();

  constructor(apps: readonly SandboxAppCredentials[]) {
    for (const app of apps) this.byAppid.set(app.appid, app);
  }

  has(appid: string): boolean {
    return this.byAppid.has(appid);
  }

  returnsUnionid(appid: string): boolean {
    return this.byAppid.get(appid)?.unionid !== false;
  }

  /** 'unknown-appid' and 'bad-secret' map onto WeChat's 40013 and 40125. */
  check(appid: string, secret: string): 'ok' | 'unknown-appid' | 'bad-secret' {
    const app = this.byAppid.get(appid);
    if (!app) return 'unknown-appid';
    return app.secret === secret ? 'ok' : 'bad-secret';
  }
}
