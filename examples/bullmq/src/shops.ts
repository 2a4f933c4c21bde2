import type { RakutenCredentials } from '@mallkit/rakuten';

/** A shop the OMS syncs: its id and its Rakuten credentials (sandbox ones here). */
export interface Shop {
  readonly id: string;
  readonly credentials: RakutenCredentials;
}

/** Three shops, each with its own licenseKey, so each has its own rate budget at the mall. */
export const SHOPS: readonly Shop[] = ['shop-a', 'shop-b', 'shop-c'].map((id) => ({
  id,
  credentials: { serviceSecret: `SP_${id}_service_secret`, licenseKey: `SL_${id}_license_key` },
}));

/** The sandboxes admit this many requests per second per licenseKey (Rakuten: 1, scaled up to keep the demo short). */
export const REQUESTS_PER_SECOND = 5;

/** The BullMQ queue of sync jobs. */
export const QUEUE_NAME = 'mall-sync';

/** Prefix of every key the recipe's mallkit parts write in Redis. */
export const KEY_PREFIX = 'oms';

/** What a worker is given by the parent process. */
export interface WorkerSetup {
  readonly name: string;
  readonly redisPort: number;
  /** Where each shop's sandbox answers, by shop id. */
  readonly baseUrls: Readonly<Record<string, string>>;
}

/** What a sync job carries. */
export interface SyncJobData {
  readonly shopId: string;
}

/** What a sync job returns (BullMQ keeps it as the job's return value). */
export type SyncOutcome =
  | {
      readonly status: 'synced';
      readonly worker: string;
      readonly orders: number;
      /** The window read. */
      readonly from: string;
      readonly to: string;
      /** When the sync ran, epoch ms: the recipe checks that no two syncs of a shop overlapped. */
      readonly startedAt: number;
      readonly finishedAt: number;
    }
  | { readonly status: 'skipped'; readonly worker: string; readonly reason: string };
