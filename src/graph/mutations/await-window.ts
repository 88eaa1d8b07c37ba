import { BadUserInputError } from '../errors/gateway-errors';
import type { MutationServices } from './mutation-services';

/**
 * How long createGroup may wait for its outcome: null without awaitCompletion, else the call's awaitTimeoutSeconds
 * (1 s up to the configured maximum) or the configured default.
 */
export function awaitWindowMs(
  input: { awaitCompletion?: boolean | null; awaitTimeoutSeconds?: number | null },
  services: Pick<MutationServices, 'awaitCompletionDefaultMs' | 'awaitCompletionMaxMs'>,
): number | null {
  const seconds = input.awaitTimeoutSeconds ?? null;
  if (input.awaitCompletion !== true) {
    if (seconds !== null) throw new BadUserInputError('`input.awaitTimeoutSeconds` applies only with `awaitCompletion: true`', { argumentName: 'input.awaitTimeoutSeconds' });
    return null;
  }
  if (seconds === null) return services.awaitCompletionDefaultMs;
  const maxSeconds = Math.floor(services.awaitCompletionMaxMs / 1000);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > maxSeconds) {
    throw new BadUserInputError(`\`input.awaitTimeoutSeconds\` must be a whole number of seconds from 1 to ${maxSeconds}, got ${seconds}`, { argumentName: 'input.awaitTimeoutSeconds' });
  }
  return seconds * 1000;
}
