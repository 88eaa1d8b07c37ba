import { Field, ObjectType } from 'type-graphql';
import type { UpstreamParticipant } from '../../upstream/types';

@ObjectType({ description: 'A member of a group (the business itself is not listed).' })
export class Participant {
  @Field(() => String, { nullable: true, description: 'Phone-number-based WhatsApp id; may be absent once business-scoped user ids are in use.' })
  waId!: string | null;

  @Field(() => String, { nullable: true, description: 'Business-scoped user id (BSUID), e.g. `US.13491208655302741918`.' })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: 'Parent business-scoped user id, when the user id belongs to a parent business.' })
  parentUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'WhatsApp username, when the user has one.' })
  username!: string | null;
}

export function toParticipant(participant: UpstreamParticipant): Participant {
  return { waId: participant.waId, userId: participant.userId, parentUserId: participant.parentUserId, username: participant.username };
}
