import { toGroupInviteTemplate } from '../../../../src/schema/mutations/group-invite-template';
import { GroupInviteTemplateSlot } from '../../../../src/schema/mutations/group-invite-template.types';
import type { SendGroupInviteTemplateInput } from '../../../../src/schema/mutations/group-invite-template.types';

const input = (template: Partial<SendGroupInviteTemplateInput['template']> = {}, to = '+44 7700 900123'): SendGroupInviteTemplateInput =>
  ({ groupId: ' G1 ', to, template: { name: 'group_invite_link', languageCode: 'en_GB', groupIdIn: GroupInviteTemplateSlot.URL_BUTTON, ...template } }) as SendGroupInviteTemplateInput;

describe('toGroupInviteTemplate', () => {
  it('puts the group id in the first URL button by default, the recipient as digits', () => {
    expect(toGroupInviteTemplate(input())).toEqual({ to: '447700900123', groupId: 'G1', name: 'group_invite_link', languageCode: 'en_GB', slot: { component: 'button', index: 0 } });
  });

  it('takes another button, or the body, and a business-scoped user id as the recipient', () => {
    expect(toGroupInviteTemplate(input({ buttonIndex: 2 })).slot).toEqual({ component: 'button', index: 2 });
    expect(toGroupInviteTemplate(input({ groupIdIn: GroupInviteTemplateSlot.BODY }, 'US.13491208655302741918'))).toMatchObject({ to: 'US.13491208655302741918', slot: { component: 'body' } });
  });

  it('refuses a button index with BODY, or out of 0..9', () => {
    expect(() => toGroupInviteTemplate(input({ groupIdIn: GroupInviteTemplateSlot.BODY, buttonIndex: 0 }))).toThrow('`input.template.buttonIndex` applies only with `groupIdIn: URL_BUTTON`');
    expect(() => toGroupInviteTemplate(input({ buttonIndex: -1 }))).toThrow('`input.template.buttonIndex` must be a button position from 0 to 9, got -1');
  });
});
