import type { EventError } from '../../../events/event-model';
import { arrayAt, isJsonObject, objectAt, own, stringAt } from './json-read';

/**
 * Errors inside a webhook, in Meta's snake_case (`{code, title, message, error_data{details}}`) or YCloud's
 * camelCase (`errorData`) spelling. `code` may be a number or a string ("131211", or the docs' "ERROR_CODE"
 * placeholder, which becomes null). Items that are not objects are skipped.
 */
export function eventErrorsAt(container: unknown, key = 'errors'): EventError[] {
  const errors: EventError[] = [];
  for (const item of arrayAt(container, key)) {
    if (isJsonObject(item)) errors.push(toEventError(item));
  }
  return errors;
}

function toEventError(item: unknown): EventError {
  const data = objectAt(item, 'error_data') ?? objectAt(item, 'errorData');
  return {
    code: errorCode(own(item, 'code')),
    title: stringAt(item, 'title'),
    message: stringAt(item, 'message'),
    details: stringAt(data, 'details') ?? stringAt(item, 'details'),
  };
}

function errorCode(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}
