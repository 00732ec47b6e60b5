// A real OpenID Connect provider for the suite (the certified `oidc-provider` package, run
// by Node on loopback): the organisation's identity provider as livinglab will meet it.
// Two people in two groups and one without any; its own login form (dev interactions)
// takes the person's id. Settings from the environment: OIDC_PORT, OIDC_CLIENT_ID,
// OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS (space separated), OIDC_PROVIDER_MODULE (the
// package's entry file: `make test` installs it under .tools, where ESM imports do not look).
const { default: Provider } = await import(process.env.OIDC_PROVIDER_MODULE);

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const PEOPLE = {
  fatima: { name: "Fatima El Amrani", email: "fatima@houten.example", groups: ["facilitators"] },
  ruud: { name: "Ruud de Vries", email: "ruud@houten.example", groups: ["records-readers"] },
  noor: { name: "Noor Bakker", email: "noor@houten.example", groups: [] },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: process.env.OIDC_REDIRECT_URIS.split(" "),
      post_logout_redirect_uris: process.env.OIDC_REDIRECT_URIS.split(" "),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], profile: ["name"], email: ["email"], groups: ["groups"] },
  scopes: ["openid", "profile", "email", "groups"],
  conformIdTokenClaims: false, // the requested claims go into the ID token itself
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(_ctx, id) {
    const person = PEOPLE[id];
    if (!person) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...person }; } };
  },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log("ready"));
