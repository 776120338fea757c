#!/usr/bin/env bash
# Prints an RFC 7523 client assertion (private_key_jwt) for the demo service SP00000001_AA0006, signed RS256 with
# docs/demo/aa0006-private-key.pem. TEST ONLY: this key is public, in the repository, for trying the simulator.
#   usage: docs/demo/client-assertion.sh [token-endpoint]   (default http://localhost:8080/test/oidc/token)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
aud="${1:-http://localhost:8080/test/oidc/token}"
client="SP00000001_AA0006"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"aa0006-demo"}' | b64url)
payload=$(printf '{"iss":"%s","sub":"%s","aud":"%s","jti":"%s","iat":%d,"exp":%d}' \
  "$client" "$client" "$aud" "$(openssl rand -hex 16)" "$now" "$((now + 120))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$here/aa0006-private-key.pem" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
