import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import {
  Anchor,
  DEFAULT_THEME,
  MantineProvider,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from './api/api-error';

/** A Mantine palette with its darkest shades replaced, so shades 8 and 9 hold white text at WCAG AA (4.5:1). */
function withDarkShades(name: 'orange' | 'green', shade8: string, shade9: string): MantineColorsTuple {
  const palette = [...DEFAULT_THEME.colors[name]];
  palette[8] = shade8;
  palette[9] = shade9;
  return palette as unknown as MantineColorsTuple;
}

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo.6 under white text is 4.3:1; indigo.8 is 5.7:1 (buttons, active links, outline badges).
  primaryShade: 8,
  colors: {
    // Mantine's orange.9 is 4.3:1 and green.9 4.4:1 against white.
    orange: withDarkShades('orange', '#c2410c', '#a63c06'),
    green: withDarkShades('green', '#15803d', '#1b6e2d'),
  },
  defaultRadius: 'md',
  // A link inside text must not rely on colour alone (WCAG 1.4.1).
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/**
 * Mantine's dimmed text (gray.6, #868e96) is about 3.3:1 on white, below WCAG AA's 4.5:1 for small text:
 * gray.7 (#495057, about 8:1) keeps it quieter than body text and readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders (gray.5, 2.1:1) that Mantine renders as text, e.g. the date pickers': #6b7280 is 4.8:1.
    '--mantine-color-placeholder': '#6b7280',
  },
  dark: {},
});

/** Queries retry network blips, never a 4xx: a 401/403/404 will not change by asking again. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
