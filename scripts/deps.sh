# Sourced by scripts/test, scripts/run, scripts/bench, scripts/fuzz and scripts/test-debian13: installs the packages
# the project needs when any is missing (idempotent; a dpkg-query check of ~0.2 s when all are present), also on a
# minimal system (debootstrap --variant=minbase, a container image).
# The names are those of Debian 12 (bookworm), Debian 13 (trixie) and Ubuntu 24.04 (noble); only the library
# packages renamed by the 64-bit time_t transition differ, and the -dev packages bring those in, so none is named.
TASKWATCH_PKGS=(build-essential cmake ninja-build pkg-config clang-format git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev libegl-dev libxkbcommon-dev
    qtkeychain-qt6-dev libsecret-1-0
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    dbus dbus-user-session gnome-keyring libsecret-tools
    xvfb xauth imagemagick fonts-dejavu-core fonts-noto-cjk
    desktop-file-utils appstream man-db file sqlite3 python3 openssl ca-certificates)
# The sanitizer build and the fuzz targets use Clang; its ASan/UBSan/libFuzzer run-times come with libclang-rt-dev.
TASKWATCH_CLANG_PKGS=(clang libclang-rt-dev)

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

# The packages above and Clang with its run-times: the sanitizer suite in CI and the fuzz targets.
taskwatch_install_clang() {
    TASKWATCH_PKGS+=("${TASKWATCH_CLANG_PKGS[@]}")
    taskwatch_install_deps
}
