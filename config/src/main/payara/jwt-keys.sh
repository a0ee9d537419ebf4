#!/usr/bin/env bash
# Generates the RSA key pair that signs admin tokens on the embedded default (once; kept if present).
set -euo pipefail
keys="$1"
mkdir -p "$keys"
chmod 700 "$keys"
if [[ ! -f "$keys/jwt-private.pem" ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null
  chmod 600 "$keys/jwt-private.pem"
  openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
fi
