import type { SandboxKit, SandboxStore } from '@mallkit/core/testing';
import type { FieldRenamer } from '../api/field-names.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import type { ShopserveRecord } from './store.js';

/** What every route of the Shopserve sandbox is built from. */
export interface SandboxRouteConfig {
  /** The kit that logs, throttles and injects faults around the route. */
  readonly kit: SandboxKit;
  /** The API root the route answers under, without a trailing slash. */
  readonly base: string;
  /** The wire profile the route speaks (paths, enum spellings, formats). */
  readonly wire: ShopserveWireProfile;
  /** Translates between the profile's field names and the canonical ones. */
  readonly renamer: FieldRenamer;
  /** The sandbox's orders. */
  readonly store: SandboxStore<ShopserveRecord>;
  /** Answers for a closed mall or wrong credentials; null lets the request through. */
  readonly guard: (request: Request) => Response | null;
}
