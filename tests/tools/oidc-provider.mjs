// A real OpenID Connect provider (the certified npm package oidc-provider) on loopback, for the sign-in tests.
// Usage: node oidc-provider.mjs PORT        — the issuer is http://127.0.0.1:PORT
//
// Clients (all with the secret "sp-test-secret", sending it in the token request as ASP.NET Core does):
//   sp-test             an ordinary client
//   sp-wrong-audience   its ID tokens name another application as their audience (a token meant for someone else)
//   sp-wrong-issuer     its ID tokens name another issuer (a token from another provider)
// Any redirect address on 127.0.0.1 or localhost is accepted (after sign-in, and after signing out at the provider's
// end-session endpoint, which asks "Do you want to sign-out": logout=yes): the sites under test listen on ports
// chosen at run time.
//
// People: sign in at the provider's login form with one of these logins (any password):
//   lucia    lucia.romero@demo.mercadosolivo.es — an employee of the demo organisation, matched by email
//   manuel   employee number MO-0102 with an address the site does not know — matched by number
//   marta    marta.jimenez@demo.mercadosolivo.es — HR: refused (HR and admin accounts sign in only with their password)
//   nobody   an address and a number nobody has
//   newhire  a person the site does not know yet, with every claim a just-in-time creation needs
// GET /other-host/.well-known/openid-configuration is the discovery document with the authorization endpoint on
// localhost instead of 127.0.0.1 (another host than the issuer).
// and any other login registered by a test: POST /test/accounts {"id": "...", "claims": {...}} (kept in memory).
import Provider from 'oidc-provider';
import { generateKeyPair, exportJWK, SignJWT, decodeJwt } from 'jose';

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node oidc-provider.mjs PORT');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'sp-test-key', alg: 'RS256', use: 'sig' };

const demo = 'demo.mercadosolivo.es';
const accounts = new Map(Object.entries({
  lucia: { email: `lucia.romero@${demo}`, email_verified: true, name: 'Lucía Romero Sánchez', locale: 'es-ES' },
  manuel: { email: 'm.ortiz@empresa.example', email_verified: true, name: 'Manuel Ortiz Campos', employee_number: 'MO-0102' },
  marta: { email: `marta.jimenez@${demo}`, email_verified: true, name: 'Marta Jiménez Ortega', employee_number: 'MO-0006' },
  nobody: { email: 'nadie@empresa.example', email_verified: true, name: 'Nadie Conocido', employee_number: 'X-0404', locale: 'en-GB' },
  newhire: {
    email: 'nueva.cajera@empresa.example', email_verified: true, name: 'Noelia Cajera Nueva', employee_number: 'SSO-0001',
    department: 'Tiendas', site: 'Sevilla Centro', job_title: 'Cajera', manager_number: 'MO-0001',
  },
}));

const clients = ['sp-test', 'sp-wrong-audience', 'sp-wrong-issuer'].map((client_id) => ({
  client_id,
  client_secret: 'sp-test-secret',
  token_endpoint_auth_method: 'client_secret_post',
  grant_types: ['authorization_code'],
  response_types: ['code'],
  redirect_uris: ['http://127.0.0.1/signin-oidc', 'http://localhost/signin-oidc'],
  post_logout_redirect_uris: ['http://127.0.0.1/account/login', 'http://localhost/account/login'],
}));

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [signingKey] },
  cookies: { keys: ['sp-test-cookies-only'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'locale'],
    employee: ['employee_number', 'department', 'site', 'job_title', 'manager_number'],
  },
  scopes: ['openid', 'email', 'profile', 'employee'],
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const claims = accounts.get(id);
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...claims }; } };
  },
  // The site is the company's own application: nobody is asked to consent to it.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile employee');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'locale', 'employee_number', 'department', 'site', 'job_title', 'manager_number']);
    await grant.save();
    return grant;
  },
});

// Sites under test listen on ports chosen at run time: any path on a loopback host is a valid redirect here.
const redirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function allowed(value) {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) return true;
  } catch {
    return false;
  }
  return redirectUriAllowed.call(this, value);
};

// The same for where the provider sends the browser after signing out (RP-initiated logout: the site's sign-in page).
const postLogoutRedirectUriAllowed = provider.Client.prototype.postLogoutRedirectUriAllowed;
provider.Client.prototype.postLogoutRedirectUriAllowed = function allowed(value) {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) return true;
  } catch {
    return false;
  }
  return postLogoutRedirectUriAllowed.call(this, value);
};

provider.use(async (ctx, next) => {
  if (ctx.path === '/test/accounts' && ctx.method === 'POST') {
    const body = await new Promise((resolve, reject) => {
      let text = '';
      ctx.req.setEncoding('utf8');
      ctx.req.on('data', (chunk) => { text += chunk; });
      ctx.req.on('end', () => resolve(text));
      ctx.req.on('error', reject);
    });
    const { id, claims } = JSON.parse(body);
    if (typeof id !== 'string' || id.length === 0 || typeof claims !== 'object') {
      ctx.status = 400;
      ctx.body = { error: 'id and claims are required' };
      return;
    }
    accounts.set(id, claims);
    ctx.status = 204;
    return;
  }
  // Its discovery document again under /other-host, naming an authorization endpoint on another host (localhost) than
  // the issuer, as Entra ID's and others' do: the site's sign-in page must let its buttons lead there.
  const otherHost = ctx.path === '/other-host/.well-known/openid-configuration';
  if (otherHost) ctx.path = '/.well-known/openid-configuration';
  await next();
  if (otherHost && ctx.body?.authorization_endpoint) {
    ctx.body = { ...ctx.body, authorization_endpoint: ctx.body.authorization_endpoint.replace('//127.0.0.1:', '//localhost:') };
  }
  // The misbehaving clients: the ID token is signed with the provider's own key, but says the wrong thing.
  const client = ctx.oidc?.client?.clientId;
  if (ctx.path === '/token' && ctx.body?.id_token && (client === 'sp-wrong-audience' || client === 'sp-wrong-issuer')) {
    const claims = decodeJwt(ctx.body.id_token);
    if (client === 'sp-wrong-audience') claims.aud = 'another-application';
    else claims.iss = 'http://127.0.0.1:1/another-provider';
    ctx.body = {
      ...ctx.body,
      id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingKey.kid }).sign(privateKey),
    };
  }
});

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
