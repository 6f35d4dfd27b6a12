import type { AmiMessage } from '../protocol/ami-message.js';
import type { GenericAmiEvent } from './ami-event.js';
import { EventShapeCache } from './event-shapes.js';
import { lazyEvent } from './lazy-event.js';

const shared = new EventShapeCache();

/**
 * Turns a parsed event message into the event object delivered to subscribers: over the message's text when it
 * came from the parser (headers sliced when read, see lazy-event.ts), built at once otherwise.
 */
export function buildEvent(
  message: AmiMessage,
  server: string,
  shapes: EventShapeCache = shared,
): GenericAmiEvent {
  const text = message.text;
  if (text !== undefined) return lazyEvent(text, server) as unknown as GenericAmiEvent;
  return shapes.build(message.name, message.fields, server) as unknown as GenericAmiEvent;
}
