import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';

/** Single sign-on through an OpenID Connect provider (authorization code flow with PKCE). */
export class OidcClient {
  private config: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcConfig,
    private readonly redirectUri: string,
  ) {}

  private discover(): Promise<client.Configuration> {
    this.config ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        undefined,
        // client_secret_basic: the OpenID Connect default, and what providers register unless told otherwise
        // (openid-client would send the secret in the form body, which strict providers refuse).
        this.settings.clientSecret ? client.ClientSecretBasic(this.settings.clientSecret) : client.None(),
        // Plain http is allowed only for a provider on this machine (tests, local development).
        /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(this.settings.issuer)
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((err: unknown) => {
        this.config = undefined;
        throw err;
      });
    return this.config;
  }

  async start(): Promise<{ url: string; state: string; nonce: string; verifier: string }> {
    const config = await this.discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, verifier };
  }

  async finish(
    currentUrl: URL,
    checks: { state: string; nonce: string; verifier: string },
  ): Promise<{
    issuer: string;
    subject: string;
    email: string | null;
    emailVerified: boolean;
    name: string | null;
  }> {
    const config = await this.discover();
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    let email = typeof claims.email === 'string' ? claims.email : null;
    let name = typeof claims.name === 'string' ? claims.name : null;
    let emailVerified = claims.email_verified === true;
    if (email === null && tokens.access_token) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = info.email ?? null;
      name = info.name ?? name;
      emailVerified = info.email_verified === true;
    }
    return { issuer: claims.iss, subject: claims.sub, email, emailVerified, name };
  }
}
