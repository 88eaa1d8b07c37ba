import type { GraphCall } from './graph-api-call';
import { badRequest, GraphApiError } from './sandbox-graph-api-error';
import type { GroupRecord, SandboxState } from './sandbox-state';

/** Readers that turn a malformed parameter into Graph's code 100 with a precise message. */

export function requireMessagingProduct(call: GraphCall): void {
  const value = call.params.messaging_product;
  if (value === undefined) throw badRequest('The parameter messaging_product is required');
  if (value !== 'whatsapp') throw badRequest(`Param messaging_product must be "whatsapp", got ${JSON.stringify(value)}`);
}

export function optionalText(call: GraphCall, name: string): string | undefined {
  const value = call.params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`Param ${name} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** An array parameter, sent as JSON (an array) or form-encoded (a JSON string of an array). */
export function requireList(call: GraphCall, name: string): unknown[] {
  let value = call.params[name];
  if (value === undefined) throw badRequest(`The parameter ${name} is required`);
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest(`Param ${name} must be a JSON array, got ${JSON.stringify(value)}`);
    }
  }
  if (!Array.isArray(value)) throw badRequest(`Param ${name} must be an array, got ${JSON.stringify(value)}`);
  return value;
}

/** A subject after Meta's trim rule: required, non-empty, at most 128 characters. */
export function validSubject(raw: string | undefined, required: boolean, maxChars: number): string | undefined {
  if (raw === undefined) {
    if (required) throw badRequest('The parameter subject is required');
    return undefined;
  }
  const subject = raw.trim();
  if (subject === '') throw badRequest('Param subject must not be empty');
  if ([...subject].length > maxChars) throw badRequest(`Param subject must be at most ${maxChars} characters, got ${[...subject].length}`);
  return subject;
}

export function validDescription(raw: string | undefined, maxChars: number): string | undefined {
  if (raw === undefined) return undefined;
  if ([...raw].length > maxChars) throw badRequest(`Param description must be at most ${maxChars} characters, got ${[...raw].length}`);
  return raw;
}

export function requireGroup(state: SandboxState, groupId: string): GroupRecord {
  const group = state.group(groupId);
  if (group === undefined) {
    throw new GraphApiError({ code: 131041, details: `Group ${groupId} does not exist or the business is not a member of it` });
  }
  return group;
}

export function requireActiveGroup(state: SandboxState, groupId: string): GroupRecord {
  const group = requireGroup(state, groupId);
  if (group.suspended) throw new GraphApiError({ code: 131207, details: `Group ${groupId} is suspended by WhatsApp; writes are refused until the suspension is cleared` });
  return group;
}
