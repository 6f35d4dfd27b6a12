import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../../api/api-error';

/** A green toast saying what was saved. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

/** A red toast saying what failed and why (the server's message). */
export function notifyFailed(what: string, error: unknown): void {
  notifications.show({ color: 'red', title: what, message: errorMessage(error) });
}
