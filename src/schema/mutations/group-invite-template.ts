import type { GroupInviteTemplateRequest } from '../../upstream/types';
import { BadUserInputError } from '../../errors/gateway-errors';
import type { SendGroupInviteTemplateInput } from './group-invite-template.types';
import { GroupInviteTemplateSlot } from './group-invite-template.types';
import { requireId, validLanguageCode, validTemplateName, validUser } from './input-validation';

/** WhatsApp templates have at most 10 buttons. */
const MAX_BUTTON_INDEX = 9;

/** The upstream request for a validated SendGroupInviteTemplateInput; throws BadUserInputError naming the field otherwise. */
export function toGroupInviteTemplate(input: SendGroupInviteTemplateInput): GroupInviteTemplateRequest {
  const groupId = requireId('input.groupId', input.groupId);
  const to = validUser('input.to', input.to);
  const name = validTemplateName('input.template.name', input.template.name);
  const languageCode = validLanguageCode('input.template.languageCode', input.template.languageCode);
  const index = input.template.buttonIndex ?? null;
  if (input.template.groupIdIn === GroupInviteTemplateSlot.BODY) {
    if (index !== null) {
      throw new BadUserInputError('`input.template.buttonIndex` applies only with `groupIdIn: URL_BUTTON`', { argumentName: 'input.template.buttonIndex' });
    }
    return { to, groupId, name, languageCode, slot: { component: 'body' } };
  }
  if (index !== null && (!Number.isInteger(index) || index < 0 || index > MAX_BUTTON_INDEX)) {
    throw new BadUserInputError(`\`input.template.buttonIndex\` must be a button position from 0 to ${MAX_BUTTON_INDEX}, got ${index}`, { argumentName: 'input.template.buttonIndex' });
  }
  return { to, groupId, name, languageCode, slot: { component: 'button', index: index ?? 0 } };
}
