// Countersign's WebAuthn helper: runs the two ceremonies in the browser with
// the options Countersign's API returns, and gives back the credential as
// JSON (binary fields base64url) for the API. Served at /assets/webauthn.js;
// integrators may load it on their own pages.
//
//   const credential = await Countersign.register(factor.options);
//   await fetch(`/v1/users/${user}/factors/${factor.id}/activate`, … {credential});
//   const assertion = await Countersign.authenticate(method.options);
"use strict";
(function (global) {
  function toBytes(b64url) {
    const b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    const padded = b64 + "===".slice((b64.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  }

  function toB64url(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // The publicKey options with their binary fields decoded, for browsers
  // without PublicKeyCredential.parse*OptionsFromJSON.
  function decodeCreation(pk) {
    const o = Object.assign({}, pk);
    o.challenge = toBytes(pk.challenge);
    o.user = Object.assign({}, pk.user, { id: toBytes(pk.user.id) });
    o.excludeCredentials = (pk.excludeCredentials || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) }));
    return o;
  }

  function decodeRequest(pk) {
    const o = Object.assign({}, pk);
    o.challenge = toBytes(pk.challenge);
    o.allowCredentials = (pk.allowCredentials || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) }));
    return o;
  }

  function credentialJson(cred) {
    if (typeof cred.toJSON === "function") return cred.toJSON();
    const r = cred.response;
    const json = {
      id: cred.id,
      rawId: toB64url(cred.rawId),
      type: cred.type,
      extensions: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
      response: { clientDataJSON: toB64url(r.clientDataJSON) },
    };
    if (r.attestationObject) {
      json.response.attestationObject = toB64url(r.attestationObject);
      if (r.getTransports) json.response.transports = r.getTransports();
    } else {
      json.response.authenticatorData = toB64url(r.authenticatorData);
      json.response.signature = toB64url(r.signature);
      if (r.userHandle) json.response.userHandle = toB64url(r.userHandle);
    }
    return json;
  }

  const PKC = global.PublicKeyCredential;

  async function register(options) {
    const pk = options.publicKey;
    const publicKey = PKC && PKC.parseCreationOptionsFromJSON ? PKC.parseCreationOptionsFromJSON(pk) : decodeCreation(pk);
    return credentialJson(await navigator.credentials.create({ publicKey }));
  }

  async function authenticate(options, mediation) {
    const pk = options.publicKey;
    const publicKey = PKC && PKC.parseRequestOptionsFromJSON ? PKC.parseRequestOptionsFromJSON(pk) : decodeRequest(pk);
    const request = { publicKey };
    if (mediation) request.mediation = mediation;
    return credentialJson(await navigator.credentials.get(request));
  }

  global.Countersign = Object.assign(global.Countersign || {}, { register, authenticate, toBytes, toB64url });
})(window);
