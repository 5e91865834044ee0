/**
 * The openids the sandbox handed out through code2session, per appid: WeChat knows every
 * openid of its apps, so a send to one it never issued (or of another app) is 40003.
 */
export class OpenidLog {
  private readonly issued = new Set<string>();

  record(appid: string, openid: string): void {
    this.issued.add(`${appid}\n${openid}`);
  }

  has(appid: string, openid: string): boolean {
    return this.issued.has(`${appid}\n${openid}`);
  }
}
