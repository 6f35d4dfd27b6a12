import { errorMessage } from '../api/api-error';
import { useHangupCall, type Call } from '../hooks/use-calls';

/**
 * Hanging up one call from a button, however the button looks: the props it needs (spinner while the request
 * runs, a name saying which call) and why the last attempt failed, if it did.
 */
export function useHangupControl(call: Call) {
  const hangup = useHangupCall();
  return {
    buttonProps: {
      loading: hangup.isPending,
      onClick: () => hangup.mutate(call.id),
      'aria-label': `Hang up the call to ${call.to}`,
    },
    error: hangup.error ? errorMessage(hangup.error) : null,
  };
}
