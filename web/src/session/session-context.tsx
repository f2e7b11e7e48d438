import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api/http';
import { currentSession, signIn as apiSignIn, signOut as apiSignOut, type Session } from '../api/session';
import type { SignInBody } from '../../../src/contract/console-session.schema';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  signIn(credentials: SignInBody): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession is used outside SessionProvider');
  return context;
}

/** The signed-in session: asked of the server on load (the cookie is HttpOnly), ended by any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    currentSession()
      .then((session) => live && setState(session ? { status: 'signed-in', session } : { status: 'signed-out' }))
      .catch(() => live && setState({ status: 'signed-out', reason: 'numberyard could not be reached; try again' }));
    setUnauthorizedHandler(() => setState({ status: 'signed-out', reason: 'Your session has ended. Sign in again.' }));
    return () => {
      live = false;
      setUnauthorizedHandler(undefined);
    };
  }, []);

  const signIn = useCallback(async (credentials: SignInBody) => {
    const session = await apiSignIn(credentials);
    setState({ status: 'signed-in', session });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      setState({ status: 'signed-out' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
