#!/usr/bin/env bash
# Builds the image and runs it, with podman (or RUNTIME=docker), against a local fake Bot API:
#   sudo deploy/check-container.sh
# On a host with cgroups in hybrid mode (crun refuses it), use runc:
#   sudo RUNTIME="podman --runtime runc --cgroup-manager=cgroupfs" deploy/check-container.sh
# Where Docker Hub is out of reach (as on the project's development machine), the Node 20 base is
# made locally: a minimal Debian bookworm (debootstrap) with this machine's Node 20 in it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNTIME=${RUNTIME:-podman}
BASE=node:20-slim
if ! timeout 60 $RUNTIME pull -q "$BASE" >/dev/null 2>&1; then
  BASE=localhost/aman-node20
  if ! $RUNTIME image exists "$BASE" 2>/dev/null; then
    rootfs=$(mktemp -d)
    debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
    cp "$(command -v node)" "$rootfs/usr/local/bin/node"
    mkdir -p "$rootfs/usr/local/lib/node_modules"
    cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$rootfs/usr/local/lib/node_modules/npm"
    ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
    # Node's headers, so that better-sqlite3 compiles without downloading them from nodejs.org.
    mkdir -p "$rootfs/usr/local/include"
    cp -r "$(npm config get nodedir)/include/node" "$rootfs/usr/local/include/node"
    tar -C "$rootfs" -c . | $RUNTIME import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' --change 'ENV npm_config_nodedir=/usr/local' - "$BASE" >/dev/null
    rm -rf "$rootfs"
  fi
fi
echo "base image: $BASE"
# The host's CA bundle goes in too, for networks that inspect TLS (the npm registry through a proxy).
CA=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
FORMAT=""
# podman writes OCI images by default, which have no HEALTHCHECK: ask for Docker's format.
case "$RUNTIME" in podman*) FORMAT="--format docker" ;; esac
$RUNTIME build -q $FORMAT --build-arg NODE_IMAGE="$BASE" -v "$CA:/etc/ssl/host-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/etc/ssl/host-ca.crt -t aman:check . >/dev/null
echo "built aman:check ($($RUNTIME image inspect aman:check --format '{{.Size}}') bytes)"
RUNTIME=$RUNTIME node_modules/.bin/tsx deploy/run-container-check.ts
