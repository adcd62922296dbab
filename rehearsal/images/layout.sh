#!/bin/sh
# Lays out a stand-in image's root-filesystem fragment (run by each module's `package`):
#   layout.sh SRC DEST [WRITABLE_DIR...]
# copies SRC (the module's src/image) into DEST (target/image, which may already hold the jars
# maven-dependency-plugin copied), keeping symbolic links; makes everything world-readable, every
# file that starts with "#!" executable, and each WRITABLE_DIR (a path inside the image, e.g.
# /opt/kafka/config) writable by anyone: the real images chown those to their user, and the
# processes here run as that uid while the fragment's files belong to whoever built it.
set -eu
src=$1; dest=$2; shift 2
mkdir -p "$dest"
# --remove-destination: a link left by an earlier build is replaced, never written through.
cp -R -P --remove-destination "$src/." "$dest/"
find "$dest" -type f ! -name '*.jar' | while IFS= read -r f; do
  if [ "$(head -c 2 "$f")" = '#!' ]; then chmod 755 "$f"; fi
done
chmod -R a+rX "$dest"
for d in "$@"; do
  mkdir -p "$dest$d"
  chmod -R a+rwX "$dest$d"
done
# Sanity: every MOUNTS entry is present in the fragment.
while IFS= read -r m; do
  [ -z "$m" ] && continue
  if [ ! -e "$dest$m" ] && [ ! -L "$dest$m" ]; then echo "layout.sh: MOUNTS names $m, absent from $dest" >&2; exit 1; fi
done < "$dest/MOUNTS"
