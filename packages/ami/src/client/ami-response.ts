import { AmiMessage } from '../protocol/ami-message.js';

/**
 * The response to an action. For event-list actions (CoreShowChannels, Status, QueueStatus, ...) it also holds
 * every list item event and the closing `...Complete` event.
 */
export class AmiResponse extends AmiMessage {
  /** List item events in arrival order (empty for ordinary actions). */
  readonly events: AmiMessage[];
  /** The `EventList: Complete` event closing a list, if this action was one. */
  complete: AmiMessage | undefined;

  constructor(message: AmiMessage, events: AmiMessage[] = []) {
    super(message.fields, message.type, message.name);
    this.events = events;
  }

  /** `Response: Success` (or `Goodbye`/`Follows`, which are successes too). */
  get ok(): boolean {
    return this.name !== 'Error';
  }

  /** Whether Asterisk announced an event list (`EventList: start`). */
  get isList(): boolean {
    return this.get('EventList')?.toLowerCase() === 'start';
  }
}
