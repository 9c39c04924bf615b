import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, api, configureClient, setCsrfToken } from '../api/client';
import type { MeResponse } from '../api/types';
import { changeLanguage, currentLanguage, storedLanguage } from '../i18n';

export interface Session {
  /** null when signed out; undefined while the first /api/me is in flight. */
  me: MeResponse | null | undefined;
  /** Reloads /api/me (after login, setup, accepting an invitation, creating an organization…). */
  refresh: () => Promise<MeResponse | null>;
  /** Forgets the session locally (after logout or when the server says the session ended). */
  clear: () => void;
  /** True when the session ended unexpectedly (401 from the server). */
  expired: boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const firstLoad = useRef(true);
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  }, [me]);

  const refresh = useCallback(async () => {
    try {
      const next = await api.me();
      if (firstLoad.current && storedLanguage() === null && next.user.locale !== currentLanguage()) {
        // No choice made on this device yet: follow the account's language.
        await changeLanguage(next.user.locale);
      }
      firstLoad.current = false;
      setExpired(false);
      setMe(next);
      return next;
    } catch (error) {
      firstLoad.current = false;
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        setMe(null);
        return null;
      }
      setMe((previous) => (previous === undefined ? null : previous));
      throw error;
    }
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);

  useEffect(() => {
    configureClient({
      onUnauthenticated: () => {
        setCsrfToken(null);
        if (meRef.current) setExpired(true);
        setMe(null);
      },
    });
    refresh().catch(() => undefined);
  }, [refresh]);

  const value = useMemo<Session>(() => ({ me, refresh, clear, expired }), [me, refresh, clear, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
