import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Fragment } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { MODULES } from './modules';
import { SessionProvider } from './session/SessionContext';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} autoClose={4000} />
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
