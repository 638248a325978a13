// The live stream's parameters; its events are declared with the channel (../../live-channel.ts).
import { Type } from 'typebox';

export const LiveParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
