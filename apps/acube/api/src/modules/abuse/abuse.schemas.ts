// The bot check on the wire: the challenge the page solves (ALTCHA's fields) and the header a
// public form carries its solution in.
import { type Static, Type } from 'typebox';

export const BotCheckChallenge = Type.Object(
  {
    enabled: Type.Boolean({ description: 'false: BOT_CHECK=off, the forms ask for nothing' }),
    algorithm: Type.Optional(Type.Literal('SHA-256')),
    challenge: Type.Optional(Type.String({ description: 'SHA-256 (hex) of salt + the secret number' })),
    maxnumber: Type.Optional(Type.Integer({ description: 'the secret number is below this' })),
    salt: Type.Optional(Type.String({ description: 'random, with the expiry (?expires=<epoch s>&)' })),
    signature: Type.Optional(Type.String({ description: 'HMAC-SHA256 of the challenge, under our key' })),
  },
  { $id: 'BotCheckChallenge' },
);
export type BotCheckChallenge = Static<typeof BotCheckChallenge>;

/** Declared by every public form route: the solution, base64 of ALTCHA's JSON payload. */
export const BotCheckHeaders = Type.Object({
  'x-bot-check': Type.Optional(
    Type.String({
      maxLength: 2048,
      description:
        'A solved bot check: base64 of {"algorithm","challenge","number","salt","signature"} for a ' +
        'challenge from GET /api/bot-check/challenge; refused (400 BOT_CHECK_FAILED) when missing, ' +
        'wrong, expired or used before, unless BOT_CHECK=off',
    }),
  ),
});
