/** One `getwxacodeunlimit` call the sandbox answered with an image. */
export interface WxacodeCall {
  appid: string;
  scene: string;
  page: string;
  envVersion: string;
  width: number;
  checkPath: boolean;
  at: Date;
}

/**
 * The mini-program codes the sandbox drew, in order. Real WeChat rate-limits this API, so the
 * API caches codes; tests count the calls here to prove a cached code costs no second call.
 */
export class WxacodeLog {
  private readonly list: WxacodeCall[] = [];

  record(call: WxacodeCall): void {
    this.list.push(call);
  }

  get calls(): readonly WxacodeCall[] {
    return this.list;
  }
}
