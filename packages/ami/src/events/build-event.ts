import { fieldsToObject, type AmiMessage } from '../protocol/ami-message.js';
import type { GenericAmiEvent } from './ami-event.js';

/** Turns a parsed event message into the plain event object delivered to subscribers. */
export function buildEvent(message: AmiMessage, server: string): GenericAmiEvent {
  const event = fieldsToObject(message.fields) as unknown as GenericAmiEvent;
  event.$server = server;
  return event;
}
