// A real OpenID Connect provider for the tests (oauth2-mock-server), on 127.0.0.1 only.
//
// Prints one JSON line {"issuer": "http://127.0.0.1:PORT"} when it listens, signs every
// token with the claims in OIDC_CLAIMS (JSON), and stops by itself when its standard input
// closes (the test process ended, however it ended), on SIGTERM, or after OIDC_MAX_SECONDS.
import { Events, OAuth2Server } from "oauth2-mock-server";

const maxSeconds = Number(process.env.OIDC_MAX_SECONDS || "600");
const claims = JSON.parse(process.env.OIDC_CLAIMS || "{}");

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
await server.start(0, "127.0.0.1");
server.issuer.url = `http://127.0.0.1:${server.address().port}`;
server.service.on(Events.BeforeTokenSigning, (token) => Object.assign(token.payload, claims));
server.service.on(Events.BeforeUserinfo, (answer) => Object.assign(answer.body, claims));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setTimeout(stop, maxSeconds * 1000);

console.log(JSON.stringify({ issuer: server.issuer.url }));
