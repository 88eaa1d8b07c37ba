import type { SettingChange } from '../../../events/event-model';
import type { ParseCollector } from '../shared/parse-collector';
import { eventErrorsAt } from '../shared/event-errors';
import type { JsonObject } from '../shared/json-read';
import { booleanAt, objectAt, stringAt } from '../shared/json-read';
import type { MetaGroupItem } from './meta.group-item';
import { metaGroupDraftBase, metaGroupIdentity } from './meta.group-item';

/**
 * `group_settings_update`: one sub-object per setting the request changed (`group_subject`,
 * `group_description`, `profile_picture`), each with its own `update_successful` and `errors`; settings
 * not in the request are absent and stay null. Top-level `errors[]` report partial or total failure.
 */
export function normaliseMetaSettings(group: MetaGroupItem, out: ParseCollector): void {
  if (group.type !== 'group_settings_update') {
    out.ignore(`group_settings_update.${group.type}`, 'unknown group_settings_update type');
    return;
  }
  const item = group.item;
  const picture = objectAt(item, 'profile_picture');
  const details = {
    subject: settingChange(objectAt(item, 'group_subject'), 'text'),
    description: settingChange(objectAt(item, 'group_description'), 'text'),
    profilePicture: pictureChange(picture),
    otherChanges: [],
    errors: eventErrorsAt(item),
  };
  const key = metaGroupIdentity(group, { type: group.type, eventType: 'SETTINGS_UPDATED' });
  out.emit({ ...metaGroupDraftBase(group), type: 'SETTINGS_UPDATED', details }, key);
}

function pictureChange(picture: JsonObject | null): (SettingChange & { mimeType: string | null }) | null {
  const change = settingChange(picture, 'sha256');
  return change === null ? null : { ...change, mimeType: stringAt(picture, 'mime_type') };
}

function settingChange(setting: JsonObject | null, valueKey: string): SettingChange | null {
  if (setting === null) return null;
  const errors = eventErrorsAt(setting);
  // update_successful is documented on every sub-object; if a delivery omits it, errors are the only evidence.
  const succeeded = booleanAt(setting, 'update_successful') ?? errors.length === 0;
  return { value: stringAt(setting, valueKey), succeeded, errors };
}
