import type { GroupEventType as ModelGroupEventType } from '../../events/event-model';
import { GROUP_EVENT_KINDS } from '../../events/event-model';
import { registerStringEnum } from './string-enum';

/** GraphQL enum `GroupEventType`: the event model's kinds, described as the model describes them. */
export const GroupEventType = registerStringEnum<ModelGroupEventType>('GroupEventType', 'The kind of a group event.', GROUP_EVENT_KINDS);
