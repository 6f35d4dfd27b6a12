import { Route, Routes } from 'react-router';
import { hasRole, useSession, type Role } from './auth/session';
import { EmptyState } from './components/states';
import { AppLayout } from './layout/app-layout';
import { CallDetailPage } from './pages/calls/call-detail-page';
import { CallLogsPage } from './pages/calls/call-logs-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { MakeCallPage } from './pages/make-call/make-call-page';
import { RecordingsPage } from './pages/recordings/recordings-page';
import { SettingsPage } from './pages/settings/settings-page';
import { SoundsPage } from './pages/sounds/sounds-page';

function RequireRole({ min, children }: { min: Role; children: React.ReactNode }) {
  const session = useSession();
  if (!hasRole(session.principal.role, min)) {
    return <EmptyState title="Not allowed">This page needs the {min} role.</EmptyState>;
  }
  return children;
}

/** Every page of the signed-in app, inside the shared layout. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route
          path="calls/new"
          element={
            <RequireRole min="operator">
              <MakeCallPage />
            </RequireRole>
          }
        />
        <Route path="calls" element={<CallLogsPage />} />
        <Route path="calls/:callId" element={<CallDetailPage />} />
        <Route path="sounds" element={<SoundsPage />} />
        <Route path="recordings" element={<RecordingsPage />} />
        <Route
          path="settings/*"
          element={
            <RequireRole min="admin">
              <SettingsPage />
            </RequireRole>
          }
        />
        <Route
          path="*"
          element={<EmptyState title="Page not found">Use the navigation to find your way.</EmptyState>}
        />
      </Route>
    </Routes>
  );
}
