# Sourced by scripts/test, scripts/run and scripts/bench: installs the Debian packages the project needs when
# any is missing (idempotent; a dpkg-query check of ~0.2 s when all are present).
TASKWATCH_PKGS=(build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools libqt6test6 libqt6sql6-sqlite libgl-dev libegl-dev libxkbcommon-dev
    qtkeychain-qt6-dev libsecret-1-0
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    dbus dbus-user-session gnome-keyring libsecret-tools
    xvfb xauth imagemagick fonts-dejavu-core fonts-noto-cjk
    desktop-file-utils appstream sqlite3 python3 openssl)

taskwatch_install_deps() {
    local missing=() p
    for p in "${TASKWATCH_PKGS[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${#missing[@]} missing packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    local log
    log=$(mktemp)
    if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
        tail -50 "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
}
