/**
 * Which business phone number a group belongs to, as far as this request learnt it (from a phone number's
 * group list). The Groups API has no field for it, so an unknown group answers null.
 */
export interface GroupPhoneNumbers {
  remember(groupId: string, phoneNumberId: string): void;
  get(groupId: string): string | null;
}

export function createGroupPhoneNumbers(): GroupPhoneNumbers {
  const byGroup = new Map<string, string>();
  return {
    remember: (groupId, phoneNumberId) => void byGroup.set(groupId, phoneNumberId),
    get: (groupId) => byGroup.get(groupId) ?? null,
  };
}
