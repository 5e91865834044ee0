import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../sandbox-app';

/**
 * A template the mini-program picked from WeChat's library (MP admin → 订阅消息): its id,
 * its app, and its keywords by field key (`thing2` → 商品名称). WeChat fills in nothing
 * itself: a send must give a value for every keyword.
 */
export interface SandboxSubscribeTemplate {
  templateId: string;
  appid: string;
  title: string;
  keywords: Record<string, string>;
}

export interface SentSubscribeMessage {
  msgid: number;
  appid: string;
  touser: string;
  templateId: string;
  page: string | null;
  miniprogramState: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

/** How many sent messages the sandbox remembers (oldest dropped first). */
const MAX_KEPT_MESSAGES = 1000;

/**
 * Templates, refusals and sent messages of the sandbox's subscribe-message service. Real
 * WeChat counts each shopper's accepted asks per template; the sandbox cannot see the
 * mini-program's wx.requestSubscribeMessage, so it delivers to any openid it issued unless
 * told that this openid refused this template (refuse()), which then answers 43101, or
 * told to be busy for a while (failNext(): -1 system error).
 */
export class SubscribeMessageStore {
  private readonly templates = new Map<string, SandboxSubscribeTemplate>();
  private readonly refusals = new Set<string>();
  private readonly sent: SentSubscribeMessage[] = [];
  private nextMsgid = 1_000_000;
  private busyLeft = 0;

  constructor(private readonly clock: SandboxClock) {}

  /**
   * Adds a template for `appid`, with a fresh id (43 url-safe characters, like WeChat's)
   * unless the definition names one (tests that configure the API before the sandbox exists).
   */
  addTemplate(
    appid: string,
    definition: { title: string; keywords: Record<string, string>; templateId?: string },
  ): SandboxSubscribeTemplate {
    const { templateId = randomBytes(32).toString('base64url').slice(0, 43), title, keywords } = definition;
    const template = { templateId, appid, title, keywords };
    this.templates.set(template.templateId, template);
    return template;
  }

  template(templateId: string): SandboxSubscribeTemplate | undefined {
    return this.templates.get(templateId);
  }

  listTemplates(): SandboxSubscribeTemplate[] {
    return [...this.templates.values()];
  }

  /** From now on, sends of `templateId` to `openid` answer 43101 (the shopper refused / has no quota). */
  refuse(openid: string, templateId: string): void {
    this.refusals.add(`${openid}\n${templateId}`);
  }

  refused(openid: string, templateId: string): boolean {
    return this.refusals.has(`${openid}\n${templateId}`);
  }

  /** The next `count` sends answer -1 (system error, WeChat busy), as an outage would. */
  failNext(count: number): void {
    this.busyLeft = count;
  }

  /** Spends one simulated outage answer, if any is left. */
  takeBusy(): boolean {
    if (this.busyLeft <= 0) return false;
    this.busyLeft -= 1;
    return true;
  }

  record(message: Omit<SentSubscribeMessage, 'msgid' | 'sentAt'>): SentSubscribeMessage {
    const stored = { ...message, msgid: this.nextMsgid++, sentAt: this.clock().toISOString() };
    this.sent.push(stored);
    if (this.sent.length > MAX_KEPT_MESSAGES) this.sent.shift();
    return stored;
  }

  /** Sent messages, oldest first, optionally only those to one openid or of one template. */
  messages(filter: { touser?: string; templateId?: string } = {}): SentSubscribeMessage[] {
    return this.sent.filter(
      (m) =>
        (filter.touser === undefined || m.touser === filter.touser) &&
        (filter.templateId === undefined || m.templateId === filter.templateId),
    );
  }
}
