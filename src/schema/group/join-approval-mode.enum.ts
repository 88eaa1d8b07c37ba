import { registerEnumType } from 'type-graphql';
import type { UpstreamJoinApprovalMode } from '../../upstream/types';

/** Who decides whether someone holding the invite link may join. */
export enum JoinApprovalMode {
  AUTO_APPROVE = 'AUTO_APPROVE',
  APPROVAL_REQUIRED = 'APPROVAL_REQUIRED',
}

registerEnumType(JoinApprovalMode, {
  name: 'JoinApprovalMode',
  description: 'Who decides whether someone holding the invite link may join the group.',
  valuesConfig: {
    AUTO_APPROVE: { description: 'Anyone with the invite link joins at once.' },
    APPROVAL_REQUIRED: { description: 'Joining creates a join request that the business approves or rejects.' },
  },
});

export function toJoinApprovalMode(mode: UpstreamJoinApprovalMode | null | undefined): JoinApprovalMode | null {
  if (mode === 'auto_approve') return JoinApprovalMode.AUTO_APPROVE;
  if (mode === 'approval_required') return JoinApprovalMode.APPROVAL_REQUIRED;
  return null;
}
