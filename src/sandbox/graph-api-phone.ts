import type { GraphCall } from './graph-api-call';
import { GraphApiError } from './sandbox-graph-api-error';
import type { PhoneRecord, SandboxState } from './sandbox-state';

/** The business phone number of `/<PHONE_NUMBER_ID>/...`; Graph's "does not exist" error (100/33) otherwise. */
export function requirePhone(state: SandboxState, call: GraphCall): PhoneRecord {
  const id = call.segments[0]!;
  const phone = state.phone(id);
  if (phone === undefined) {
    throw new GraphApiError({
      code: 100,
      subcode: 33,
      details: `Unsupported ${call.method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
    });
  }
  return phone;
}
