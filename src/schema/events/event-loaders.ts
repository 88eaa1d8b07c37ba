import type { Loaders } from '../../loaders/create-loaders';
import type { AttachedLoaders } from './group-event.interface';

/**
 * The loaders to read an event's (or operation's) related data with: the payload's own when a subscription
 * attached fresh ones to this emission, else the request's (queries, where one set serves the whole response).
 */
export function loadersForEvent(root: { __loaders?: AttachedLoaders }, context: { loaders: Loaders }): Loaders {
  const attached = root.__loaders;
  if (attached === undefined) return context.loaders;
  return typeof attached === 'function' ? attached() : attached;
}

/** Loaders made on first use: an emission whose selection reads no group costs nothing. */
export function lazyLoaders(create: () => Loaders): () => Loaders {
  let loaders: Loaders | undefined;
  return () => (loaders ??= create());
}
