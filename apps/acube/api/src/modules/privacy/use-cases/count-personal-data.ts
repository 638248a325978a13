// What is held about a person, by e-mail address: how many records of each kind, and how many
// mails are queued for or kept of the address. What the panel shows before an export or an
// erasure, and the counts an erasure confirms.
import type { PrivacyContext } from '../privacy.context.ts';
import { type CountsResponse, RECORD_KINDS } from '../privacy.schemas.ts';
import { type RecordCounts, totalOf } from './privacy-rules.ts';

export async function countRecords(
  ctx: Pick<PrivacyContext, 'records'>,
  email: string,
): Promise<RecordCounts> {
  const counts = {} as RecordCounts;
  for (const kind of RECORD_KINDS) counts[kind] = await ctx.records[kind].count(email);
  return counts;
}

export async function countPersonalData(
  ctx: Pick<PrivacyContext, 'records' | 'mailbox'>,
  input: { email: string },
): Promise<CountsResponse> {
  const records = await countRecords(ctx, input.email);
  const mails = (await ctx.mailbox.find(input.email)).length;
  const counts = { ...records, mails };
  return { counts, total: totalOf(counts) };
}
