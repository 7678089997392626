#!/usr/bin/env bash
# The package install test: what a user of the .deb and the .tar.gz gets.
#
#   install-test.sh <build dir> <version> <app id>
#
# Builds both packages with cpack from a finished build, checks the .deb's control data, installs
# it with apt, validates the installed desktop file and metainfo, runs the installed binaries
# (--version, the GUI's --self-test offscreen, `serve` answering a create over HTTP), purges the
# package and checks none of its files is left, then runs the binaries of the unpacked .tar.gz.
# Needs root, apt-get, dpkg, curl. Exits 77 (skipped) when not root or without dpkg.
set -euo pipefail

build=$(cd "$1" && pwd)
version=$2
app_id=$3
package=webhook-admin

if [[ $(id -u) -ne 0 ]] || ! command -v dpkg > /dev/null || ! command -v apt-get > /dev/null; then
    echo "SKIP: the install test needs root, dpkg and apt-get"
    exit 77
fi

work=$(mktemp -d /tmp/wa-install-test.XXXXXX)
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2> /dev/null || true
        wait "$server_pid" 2> /dev/null || true
    fi
    # Never leave the package installed, whatever failed.
    if dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q installed; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package" > /dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== [%ss] %s\n' "$SECONDS" "$*"; }
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
# Private HOME and XDG folders: the installed binaries must not touch the caller's settings.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

step "Leftovers of an earlier run"
if dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q installed; then
    echo "purging a $package left installed"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package" > /dev/null
fi

step "cpack: DEB and TGZ"
cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$work/packages" > "$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/packages/${package}_"$version"_*.deb)
tgz=$(ls "$work"/packages/$package-"$version"-*.tar.gz)
echo "$deb"
echo "$tgz"

step "dpkg-deb -I: control data"
dpkg-deb -I "$deb" | tee "$work/control.txt"
control() { sed -n "s/^ $1: //p" "$work/control.txt"; }
[[ $(control Package) == "$package" ]] || fail "Package is not $package"
[[ $(control Version) == "$version" ]] || fail "Version is not $version"
[[ $(control Section) == devel ]] || fail "Section is not devel"
[[ -n $(control Maintainer) ]] || fail "no Maintainer"
grep -q '^ Description: .\+' "$work/control.txt" || fail "no Description"
depends=$(control Depends)
for dependency in libqt6sql6-sqlite libqt6core6 libqt6network6 libqt6widgets6 libmicrohttpd12 libc6; do
    grep -qE "(^|, )$dependency( |,|$)" <<< "$depends" || fail "Depends lacks $dependency: $depends"
done
recommends=$(control Recommends)
for dependency in libqt6sql6-psql libsecret-1-0 qt6-translations-l10n; do
    grep -q "$dependency" <<< "$recommends" || fail "Recommends lacks $dependency: $recommends"
done

step "apt-get install ./$(basename "$deb")"
DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb" > "$work/apt-install.log" 2>&1 \
    || { cat "$work/apt-install.log"; fail "apt-get install failed"; }
dpkg -L "$package" | sort > "$work/files.txt"
echo "$(wc -l < "$work/files.txt") paths installed"

step "Installed files"
for path in /usr/bin/webhook-admin /usr/bin/webhook-admin-cli \
    "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml" \
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "/usr/share/icons/hicolor/48x48/apps/$app_id.png" \
    "/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    /usr/share/man/man1/webhook-admin.1.gz /usr/share/man/man1/webhook-admin-cli.1.gz \
    /usr/lib/systemd/system/webhook-admin-serve.service /usr/share/webhook-admin/serve.env \
    /usr/share/doc/$package/LICENSE; do
    grep -qxF "$path" "$work/files.txt" || fail "the package does not install $path"
    [[ -e "$path" ]] || fail "$path is not on disk"
done
# The team service's settings: made by postinst, private (token, database password), and the
# unit is not enabled.
[[ -f /etc/webhook-admin/serve.env ]] || fail "postinst did not make /etc/webhook-admin/serve.env"
[[ $(stat -c '%a %U' /etc/webhook-admin/serve.env) == "600 root" ]] \
    || fail "/etc/webhook-admin/serve.env is $(stat -c '%a %U' /etc/webhook-admin/serve.env), not 600 root"
grep -q '^EnvironmentFile=/etc/webhook-admin/serve.env$' \
    /usr/lib/systemd/system/webhook-admin-serve.service || fail "the unit does not read serve.env"
[[ ! -e /etc/systemd/system/multi-user.target.wants/webhook-admin-serve.service ]] \
    || fail "the package enabled webhook-admin-serve.service"
for binary in /usr/bin/webhook-admin /usr/bin/webhook-admin-cli; do
    file "$binary" | grep -q ', stripped' || fail "$binary is not stripped: $(file "$binary")"
done
gzip -t /usr/share/man/man1/webhook-admin-cli.1.gz

step "desktop-file-validate and appstreamcli validate"
desktop-file-validate "/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml"

step "webhook-admin-cli --version"
out=$(/usr/bin/webhook-admin-cli --version)
echo "$out"
grep -qF "$version" <<< "$out" || fail "webhook-admin-cli --version does not say $version"

step "webhook-admin --self-test (offscreen)"
QT_QPA_PLATFORM=offscreen timeout 120 /usr/bin/webhook-admin --self-test \
    || fail "webhook-admin --self-test exited $?"

step "webhook-admin-cli serve, then a create over HTTP"
# The token from a private file: on the command line every user would see it in ps.
(umask 077 && echo install-test-token-0123 > "$work/token")
/usr/bin/webhook-admin-cli serve --port 0 --database "$work/serve.db" --token-file "$work/token" \
    > "$work/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*Listening on http://127\.0\.0\.1:\([0-9]\+\).*|\1|p' "$work/serve.log" | head -n 1)
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2> /dev/null || { cat "$work/serve.log"; fail "serve exited"; }
    sleep 0.2
done
[[ -n "$port" ]] || { cat "$work/serve.log"; fail "serve did not print its address"; }
echo "serving on port $port"
base=http://127.0.0.1:$port
status=$(curl -sS -o "$work/created.json" -w '%{http_code}' -X POST \
    -H 'Authorization: Token install-test-token-0123' -H 'Content-Type: application/json' \
    --data '{"url": "http://127.0.0.1:9/webhooks"}' "$base/configs/webhook")
# The answer holds the config's secret: show its status only.
echo "POST /configs/webhook: $status"
[[ "$status" == 201 ]] || fail "POST /configs/webhook answered $status, not 201"
grep -q '"resource": *"webhook_config"' "$work/created.json" || fail "the answer is not a config"
status=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Authorization: Token wrong' "$base/configs/webhook")
[[ "$status" == 401 ]] || fail "a wrong token got $status, not 401"
status=$(curl -sS -o "$work/list.json" -w '%{http_code}' -H 'Authorization: Token install-test-token-0123' "$base/configs/webhook")
[[ "$status" == 200 ]] || fail "GET /configs/webhook answered $status"
grep -q '"total_count": *1' "$work/list.json" || fail "the list does not hold the created config: $(cat "$work/list.json")"
kill "$server_pid"
wait "$server_pid" 2> /dev/null || true
server_pid=""
[[ -s "$work/serve.db" ]] || fail "serve wrote no database at $work/serve.db"

step "apt-get purge -y $package"
DEBIAN_FRONTEND=noninteractive apt-get purge -y "$package" > "$work/apt-purge.log" 2>&1 \
    || { cat "$work/apt-purge.log"; fail "apt-get purge failed"; }
if dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q installed; then
    fail "$package is still installed"
fi
left=0
while IFS= read -r path; do
    # Directories such as /usr/share/man/man1 belong to other packages too; files are ours alone.
    if [[ -L "$path" || (-e "$path" && ! -d "$path") ]]; then
        echo "left behind: $path"
        left=1
    fi
done < "$work/files.txt"
[[ -e /usr/share/doc/$package ]] && { echo "left behind: /usr/share/doc/$package"; left=1; }
[[ -e /etc/webhook-admin ]] && { echo "left behind: /etc/webhook-admin"; left=1; }
((left == 0)) || fail "purge left files of the package"
echo "nothing of the package's $(wc -l < "$work/files.txt") paths is left"

step "The .tar.gz, unpacked and run in place"
mkdir -p "$work/tgz"
tar -xzf "$tgz" -C "$work/tgz"
root=$(find "$work/tgz" -mindepth 1 -maxdepth 1 -type d)
for path in bin/webhook-admin bin/webhook-admin-cli "share/applications/$app_id.desktop" \
    share/man/man1/webhook-admin-cli.1.gz share/doc/$package/LICENSE; do
    [[ -e "$root/$path" ]] || fail "the .tar.gz lacks $path"
done
# The tree as a whole: metainfo, the desktop file it launches and the icons, found together.
appstreamcli validate-tree --no-net "$root" | tee "$work/tree.txt"
grep -q "$app_id.metainfo.xml" "$work/tree.txt" || fail "appstreamcli found no metainfo in the .tar.gz"
out=$("$root/bin/webhook-admin-cli" --version)
echo "$out"
grep -qF "$version" <<< "$out" || fail "unpacked webhook-admin-cli --version does not say $version"
out=$(QT_QPA_PLATFORM=offscreen "$root/bin/webhook-admin" --version)
echo "$out"
grep -qF "$version" <<< "$out" || fail "unpacked webhook-admin --version does not say $version"

printf '\nPASS: package install test (%ss)\n' "$SECONDS"
