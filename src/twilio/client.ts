// The client of Twilio's Conversations API the engine talks to: a configuration fetched or updated,
// an Address Configuration created, and the account's services and Address Configurations listed,
// each answer read into the model's shape. How a
// request gets there (the pool, retries, an overload's pause, a cancellation) is src/twilio/sender.ts.
import { oneLine } from '../core/text.js';
import { parseJson } from '../http/transport.js';
import { ADDRESSES_PAGE_SIZE, readAddressesPage } from '../model/addresses.js';
import type { LiveAddress } from '../model/addresses.js';
import {
  ADDRESSES_PATH,
  encodeCreate,
  encodeUpdate,
  readConfig,
  readServicesPage,
  resourcePath,
  SERVICES_PAGE_SIZE,
  SERVICES_PATH,
  uniqueBySid,
} from '../model/webhook-config.js';
import type { DesiredConfig } from '../model/fields.js';
import type { Resource, ServiceSummary, LiveConfig } from '../model/webhook-config.js';
import { UnexpectedAnswerError } from './errors.js';
import { TwilioSender } from './sender.js';
import type { SenderOptions, TwilioAnswer } from './sender.js';

export type { Credentials } from './sender.js';

/**
 * 10,000 services or addresses: far more than an account has, and a bound on a list that never
 * ends (100 pages of services, 200 of addresses).
 */
const MAX_LISTED = 10_000;

export type TwilioClientOptions = SenderOptions;

/**
 * Why a configuration is fetched: 'outcome' learns what an update did (its answer was lost), and
 * so gets the grace of a cancelled run, as the update does.
 */
export type FetchPurpose = 'read' | 'outcome';

/** What the engine needs of Twilio, so that it can be given a stand-in. */
export interface TwilioApi {
  fetchConfig(resource: Resource, purpose?: FetchPurpose): Promise<LiveConfig>;
  /** An update in flight is never cut off at once when the run is cancelled: it gets the grace. */
  updateConfig(resource: Resource, update: DesiredConfig): Promise<LiveConfig>;
  /** Every Conversations service of the account, following the list's own next-page links. */
  listServices(): Promise<ServiceSummary[]>;
  /** Every Address Configuration of the account, with its configuration, paged the same way. */
  listAddresses(): Promise<LiveAddress[]>;
  /** Creates the Address Configuration an address resource without a SID stands for. */
  createAddress(
    resource: Extract<Resource, { kind: 'address' }>,
    fields: DesiredConfig,
  ): Promise<LiveConfig>;
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

  async fetchConfig(resource: Resource, purpose: FetchPurpose = 'read'): Promise<LiveConfig> {
    return this.config(
      resource,
      await this.sender.send('GET', resourcePath(resource), undefined, {
        graced: purpose === 'outcome',
      }),
    );
  }

  async updateConfig(resource: Resource, update: DesiredConfig): Promise<LiveConfig> {
    return this.config(
      resource,
      await this.sender.send('POST', resourcePath(resource), encodeUpdate(update), {
        graced: true,
      }),
    );
  }

  async createAddress(
    resource: Extract<Resource, { kind: 'address' }>,
    fields: DesiredConfig,
  ): Promise<LiveConfig> {
    const body = encodeCreate(resource.address, resource.addressType, fields);
    return this.config(
      resource,
      await this.sender.send('POST', ADDRESSES_PATH, body, { graced: true, once: true }),
    );
  }

  async listServices(): Promise<ServiceSummary[]> {
    return this.listAll(SERVICES_PATH, SERVICES_PAGE_SIZE, readServicesPage);
  }

  async listAddresses(): Promise<LiveAddress[]> {
    return this.listAll(ADDRESSES_PATH, ADDRESSES_PAGE_SIZE, readAddressesPage);
  }

  /** Every page of a list, each item once: a list that changes while it is read repeats items. */
  private async listAll<T extends { readonly sid: string }>(
    list: string,
    pageSize: number,
    read: (json: unknown) => { items: T[]; next: string | null } | { problem: string },
  ): Promise<T[]> {
    const items: T[] = [];
    const maxPages = Math.ceil(MAX_LISTED / pageSize);
    let path: string | null = `${list}?PageSize=${pageSize}`;
    for (let page = 1; path !== null; page++) {
      if (page > maxPages) {
        throw new UnexpectedAnswerError(`GET ${list}`, 200, `more than ${maxPages} pages`);
      }
      const answer = await this.sender.send('GET', path);
      const contents = read(parseJson(answer.text));
      this.sender.logAnswer(answer);
      if ('problem' in contents)
        throw new UnexpectedAnswerError(answer.request, answer.status, contents.problem);
      items.push(...contents.items);
      path = contents.next === null ? null : this.samePath(contents.next, answer.request);
    }
    return uniqueBySid(items);
  }

  async close(): Promise<void> {
    await this.sender.close();
  }

  private config(resource: Resource, answer: TwilioAnswer): LiveConfig {
    const json = parseJson(answer.text);
    const read =
      json === undefined
        ? { problem: `a body that is not JSON: "${oneLine(answer.text, 120)}"` }
        : readConfig(json, resource);
    if ('problem' in read) {
      this.sender.logAnswer(answer);
      throw new UnexpectedAnswerError(answer.request, answer.status, read.problem);
    }
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
