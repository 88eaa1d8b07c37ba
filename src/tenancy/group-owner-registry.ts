import type { Disposable } from '../lib/disposable';

/** A group and the business phone number it belongs to (the number that created it; this never changes). */
export interface GroupOwner {
  groupId: string;
  phoneNumberId: string;
}

/**
 * Which phone number owns which group, as learnt from the list endpoint, createGroup answers and webhook metadata.
 * The Groups API has no field for it, so what was never seen is unknown (absent), never guessed.
 * Implementations: in-memory (one instance) and Redis (shared by every instance).
 */
export interface GroupOwnerRegistry extends Disposable {
  /** The known owners among these groups; unknown groups are absent from the map. */
  owners(groupIds: readonly string[]): Promise<Map<string, string>>;
  remember(owners: readonly GroupOwner[]): Promise<void>;
}
