import { MantineProvider } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { Fragment } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { MODULES } from './modules';
import { SessionProvider } from './session/SessionContext';
import { PHONE_QUERY } from './lib/notify';
import { theme } from './theme';

export function App() {
  // On a phone a toast sits over the header bar, one at a time, instead of over the page's controls.
  const phone = useMediaQuery(PHONE_QUERY, false);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {phone ? (
        <Notifications position="top-center" limit={1} autoClose={3000} />
      ) : (
        <Notifications position="bottom-right" limit={4} autoClose={4000} />
      )}
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            {MODULES.map((m) => (
              <Fragment key={m.name}>{m.publicRoutes}</Fragment>
            ))}
            <Route element={<AppLayout />}>
              {MODULES.map((m) => (
                <Fragment key={m.name}>{m.routes}</Fragment>
              ))}
              <Route path="orgs/:orgId">
                {MODULES.map((m) => (
                  <Fragment key={m.name}>{m.orgRoutes}</Fragment>
                ))}
              </Route>
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
