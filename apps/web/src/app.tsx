import { AppRoutes } from './app-routes';
import { SessionProvider } from './auth/session-provider';

/** The whole UI: sign-in until a key is accepted, then the pages. */
export function App() {
  return (
    <SessionProvider>
      <AppRoutes />
    </SessionProvider>
  );
}
