#!/usr/bin/env bash
# Kept for old instructions: the intake benchmark is now part of the whole comparison in bench/run.sh.
exec "$(dirname "$0")/run.sh" "$@"
