import type { EventDetails, SettingChange } from '../../../events/event-model';
import { eventErrorsAt } from '../shared/event-errors';
import type { JsonObject } from '../shared/json-read';
import { arrayAt, booleanAt, isJsonObject, stringAt } from '../shared/json-read';
import type { YCloudGroup, YCloudOutcome } from './ycloud.group';

const PICTURE_SETTINGS = new Set(['profile_picture', 'group_profile_picture']);

/**
 * `whatsapp.group.settings_update`: `settings[] {name, text, updateSuccessful, errors}` with names
 * group_subject and group_description (YCloud documents no picture entry; one named like Meta's
 * `profile_picture` is read if it ever comes). Unknown names go to otherChanges.
 */
export function normaliseYCloudSettings(group: YCloudGroup): YCloudOutcome {
  if (group.type !== 'group_settings_update') return { ignored: `unknown settings type "${group.type}"` };
  const details: EventDetails<'SETTINGS_UPDATED'> = {
    subject: null,
    description: null,
    profilePicture: null,
    otherChanges: [],
    errors: eventErrorsAt(group.item),
  };
  const settings = arrayAt(group.item, 'settings').filter(isJsonObject);
  for (const setting of settings) {
    const name = stringAt(setting, 'name') ?? '';
    if (name === 'group_subject') details.subject = settingChange(setting, stringAt(setting, 'text'));
    else if (name === 'group_description') details.description = settingChange(setting, stringAt(setting, 'text'));
    else if (PICTURE_SETTINGS.has(name)) details.profilePicture = { ...settingChange(setting, stringAt(setting, 'sha256')), mimeType: stringAt(setting, 'mimeType') };
    else if (name !== '') details.otherChanges.push(name);
  }
  if (settings.length === 0) {
    // Without settings[], the payload's subject/description are what was set, and the status says whether it took.
    const succeeded = group.status !== 'failed';
    const subject = stringAt(group.item, 'subject');
    const description = stringAt(group.item, 'description');
    if (subject !== null) details.subject = { value: subject, succeeded, errors: [] };
    if (description !== null) details.description = { value: description, succeeded, errors: [] };
  }
  return [{ ...group.base, type: 'SETTINGS_UPDATED', details }];
}

function settingChange(setting: JsonObject, value: string | null): SettingChange {
  const errors = eventErrorsAt(setting);
  return { value, succeeded: booleanAt(setting, 'updateSuccessful') ?? errors.length === 0, errors };
}
