/**
 * The npm package `amazon-sp-api` as a BenchClient, used the way its README shows: one
 * SellingPartner, `callAPI` per operation, its own token handling and its reactive throttling
 * (on a 429 it waits one restore period and calls again). It is a devDependency of the benchmark
 * only; msw intercepts its requests to the real Far East and LWA host names.
 *
 * Its restore periods are scaled like the sandbox's usage plans (decision 0341): the library waits
 * its operation's `restore_rate` seconds after a 429 (lib/resources/versions/orders/*.js: 180 s for
 * searchOrders, 60 s for getOrders, 2 s for the per-order calls) unless the answer carries
 * x-amzn-RateLimit-Limit, which the sandbox sends on successes only, as Amazon does. Unscaled, a
 * single 429 inside a ×200 sandbox costs it minutes, and the comparison measures that wait.
 */
import { SellingPartner } from 'amazon-sp-api';
import type { BenchClient, BenchEnvironment } from './amazon.bench.js';

const MARKETPLACE = 'A1VC38T7YXB528';
const FAN_OUT = 4; // the same per-order concurrency as mallkit's v0 path

interface SearchPage {
  orders?: Array<{ orderId: string }>;
  pagination?: { nextToken?: string };
}
interface V0Page {
  Orders?: Array<{ AmazonOrderId: string }>;
  NextToken?: string;
}

/** amazon-sp-api's own restore period of each operation the bench calls, in seconds (its resources files). */
const LIBRARY_RESTORE_SECONDS: Readonly<Record<string, number>> = {
  searchOrders: 180,
  getOrders: 60,
  getOrderItems: 2,
  getOrderAddress: 2,
  getOrderBuyerInfo: 2,
};

/** The call options of `operation`: its API version and its restore period scaled like the sandbox's plans. */
function callOptions(env: BenchEnvironment, operation: string, version: string): { version: string; restore_rate: number } {
  const seconds = LIBRARY_RESTORE_SECONDS[operation];
  if (seconds === undefined) throw new Error(`no restore period known for ${operation}`);
  return { version, restore_rate: seconds / env.rateScale };
}

function client(env: BenchEnvironment): SellingPartner {
  return new SellingPartner({
    region: 'fe',
    refresh_token: env.credentials.refreshToken,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_ID: env.credentials.clientId,
      SELLING_PARTNER_APP_CLIENT_SECRET: env.credentials.clientSecret,
    },
    options: { auto_request_tokens: true, auto_request_throttled: true, use_sandbox: false, debug_log: false },
  });
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

/** amazon-sp-api on the Orders API v2026-01-01 searchOrders path (items, buyer and recipient inline). */
export const amazonSpApi2026: BenchClient = {
  name: 'amazon-sp-api v2026-01-01',
  async sync(env) {
    const sp = client(env);
    let count = 0;
    let nextToken: string | undefined;
    do {
      const page = (await sp.callAPI({
        operation: 'searchOrders',
        endpoint: 'orders',
        options: callOptions(env, 'searchOrders', '2026-01-01'),
        query: {
          marketplaceIds: [MARKETPLACE],
          createdAfter: new Date(env.from).toISOString(),
          createdBefore: new Date(env.to).toISOString(),
          fulfilledBy: ['MERCHANT'],
          maxResultsPerPage: 100,
          includedData: ['BUYER', 'RECIPIENT', 'FULFILLMENT', 'PROCEEDS', 'PACKAGES'],
          ...(nextToken ? { paginationToken: nextToken } : {}),
        },
      })) as SearchPage;
      count += page.orders?.length ?? 0;
      nextToken = page.pagination?.nextToken;
    } while (nextToken);
    return count;
  },
};

/** amazon-sp-api on the v0 path: getOrders, then items, address and buyer per order. */
export const amazonSpApiV0: BenchClient = {
  name: 'amazon-sp-api v0',
  async sync(env) {
    const sp = client(env);
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = (await sp.callAPI({
        operation: 'getOrders',
        endpoint: 'orders',
        options: callOptions(env, 'getOrders', 'v0'),
        query: nextToken
          ? { MarketplaceIds: [MARKETPLACE], NextToken: nextToken }
          : { MarketplaceIds: [MARKETPLACE], CreatedAfter: new Date(env.from).toISOString(), CreatedBefore: new Date(env.to).toISOString(), FulfillmentChannels: ['MFN'], MaxResultsPerPage: 100 },
      })) as V0Page;
      for (const order of page.Orders ?? []) ids.push(order.AmazonOrderId);
      nextToken = page.NextToken;
    } while (nextToken);
    let count = 0;
    await inParallel(ids, FAN_OUT, async (orderId) => {
      for (const operation of ['getOrderItems', 'getOrderAddress', 'getOrderBuyerInfo']) {
        await sp.callAPI({ operation, endpoint: 'orders', options: callOptions(env, operation, 'v0'), path: { orderId } });
      }
      count += 1;
    });
    return count;
  },
};
