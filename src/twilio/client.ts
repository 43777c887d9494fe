// The client of Twilio's Conversations API the engine talks to: a webhook configuration fetched or
// updated, and the account's services listed, each answer read into the model's shape. How a
// request gets there (the pool, retries, an overload's pause, a cancellation) is src/twilio/sender.ts.
import { oneLine } from '../core/text.js';
import { parseJson } from '../http/transport.js';
import {
  encodeUpdate,
  readConfig,
  readServicesPage,
  resourcePath,
  SERVICES_PAGE_SIZE,
  SERVICES_PATH,
  uniqueServices,
} from '../model/webhook-config.js';
import type { DesiredConfig } from '../model/fields.js';
import type { Resource, ServiceSummary, WebhookConfig } from '../model/webhook-config.js';
import { UnexpectedAnswerError } from './errors.js';
import { TwilioSender } from './sender.js';
import type { SenderOptions, TwilioAnswer } from './sender.js';

export type { Credentials } from './sender.js';

/** 100 pages of 100: far more services than an account has, and a bound on a list that never ends. */
const MAX_SERVICE_PAGES = 100;

export interface TwilioClientOptions extends SenderOptions {
  /** Sees every configuration Twilio sends before anything about it is logged (to mask its URLs' credentials). */
  readonly onConfig?: ((config: WebhookConfig) => void) | undefined;
}

/**
 * Why a configuration is fetched: 'outcome' learns what an update did (its answer was lost), and
 * so gets the grace of a cancelled run, as the update does.
 */
export type FetchPurpose = 'read' | 'outcome';

/** What the engine needs of Twilio, so that it can be given a stand-in. */
export interface TwilioApi {
  fetchConfig(resource: Resource, purpose?: FetchPurpose): Promise<WebhookConfig>;
  /** An update in flight is never cut off at once when the run is cancelled: it gets the grace. */
  updateConfig(resource: Resource, update: DesiredConfig): Promise<WebhookConfig>;
  /** Every Conversations service of the account, following the list's own next-page links. */
  listServices(): Promise<ServiceSummary[]>;
  /** Lets the process exit: keep-alive sockets would otherwise hold the runner. */
  close(): Promise<void>;
}

export class TwilioClient implements TwilioApi {
  private readonly options: TwilioClientOptions;
  private readonly sender: TwilioSender;

  constructor(options: TwilioClientOptions) {
    this.options = options;
    this.sender = new TwilioSender(options);
  }

  async fetchConfig(resource: Resource, purpose: FetchPurpose = 'read'): Promise<WebhookConfig> {
    return this.config(
      resource,
      await this.sender.send('GET', resourcePath(resource), undefined, purpose === 'outcome'),
    );
  }

  async updateConfig(resource: Resource, update: DesiredConfig): Promise<WebhookConfig> {
    return this.config(
      resource,
      await this.sender.send('POST', resourcePath(resource), encodeUpdate(update), true),
    );
  }

  async listServices(): Promise<ServiceSummary[]> {
    const services: ServiceSummary[] = [];
    let path: string | null = `${SERVICES_PATH}?PageSize=${SERVICES_PAGE_SIZE}`;
    for (let page = 1; path !== null; page++) {
      if (page > MAX_SERVICE_PAGES) {
        throw new UnexpectedAnswerError(
          `GET ${SERVICES_PATH}`,
          200,
          `more than ${MAX_SERVICE_PAGES} pages of services`,
        );
      }
      const answer = await this.sender.send('GET', path);
      const read = readServicesPage(parseJson(answer.text));
      this.sender.logAnswer(answer);
      if ('problem' in read)
        throw new UnexpectedAnswerError(answer.request, answer.status, read.problem);
      services.push(...read.services);
      path = read.next === null ? null : this.samePath(read.next, answer.request);
    }
    // A list that changes while it is read may repeat a service on a later page.
    return uniqueServices(services);
  }

  async close(): Promise<void> {
    await this.sender.close();
  }

  private config(resource: Resource, answer: TwilioAnswer): WebhookConfig {
    const json = parseJson(answer.text);
    const read =
      json === undefined
        ? { problem: `a body that is not JSON: "${oneLine(answer.text, 120)}"` }
        : readConfig(json, resource);
    if ('problem' in read) {
      this.sender.logAnswer(answer);
      throw new UnexpectedAnswerError(answer.request, answer.status, read.problem);
    }
    this.options.onConfig?.(read.config);
    this.sender.logAnswer(answer);
    return read.config;
  }

  /** A next-page link elsewhere than Twilio's own host would take the credentials with it. */
  private samePath(link: string, request: string): string {
    const base = new URL(this.options.baseUrl);
    const url = URL.canParse(link) ? new URL(link) : undefined;
    if (url?.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/$/, ''))) {
      throw new UnexpectedAnswerError(
        request,
        200,
        `a next_page_url on another host: "${oneLine(link, 120)}"`,
      );
    }
    return `${url.pathname.slice(base.pathname.replace(/\/$/, '').length)}${url.search}`;
  }
}
