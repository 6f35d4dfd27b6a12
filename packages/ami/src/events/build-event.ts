import type { AmiMessage } from '../protocol/ami-message.js';
import type { GenericAmiEvent } from './ami-event.js';
import { EventShapeCache } from './event-shapes.js';

const shared = new EventShapeCache();

/** Turns a parsed event message into the plain event object delivered to subscribers. */
export function buildEvent(
  message: AmiMessage,
  server: string,
  shapes: EventShapeCache = shared,
): GenericAmiEvent {
  return shapes.build(message.name, message.fields, server) as unknown as GenericAmiEvent;
}
