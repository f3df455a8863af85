# Shared by scripts/run and scripts/test. Sourced, not executed.

# Installs the Debian packages given that are not installed yet (root, or sudo).
need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Another apt (an unattended upgrade) may hold the lock for a while: wait for it.
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}"
}

# Fails early with a clear message if cargo is missing.
need_cargo() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "error: cargo is not installed; install Rust with rustup (https://rustup.rs) first" >&2
    exit 1
  fi
}

# Debian packages to build the desktop app (WebKitGTK 4.1 and friends, per TOOLCHAIN.md).
DESKTOP_BUILD_PACKAGES=(
  build-essential pkg-config curl wget file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
)
# ...and to run it headless and drive it in the end-to-end tests. fonts-wqy-microhei: Chinese
# renders as empty boxes without a CJK font.
DESKTOP_TEST_PACKAGES=(
  xvfb xauth webkit2gtk-driver imagemagick xdotool x11-utils dbus-x11 at-spi2-core
  fonts-wqy-microhei
  # A real notification daemon for the reminder journey: it shows and logs what the app sends.
  dunst
)

# Fails early unless Node 20 or newer and npm are installed (Vite 8 needs Node 20.19+; Debian
# 12's own nodejs is 18, so this is not installed through apt).
need_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: Node.js 20+ and npm are needed for the UI; install them first (e.g. from https://nodejs.org)" >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "error: Node.js $(node --version) is too old; the UI needs Node 20 or newer" >&2
    exit 1
  fi
}

# Runs `npm install` in the folder given unless node_modules is newer than its package files.
# (`npm ci` is avoided: the lock files lack other platforms' optional Tauri CLI packages.)
need_npm_install() {
  local dir=$1
  local stamp="$dir/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$dir/package.json" ] &&
     { [ ! -f "$dir/package-lock.json" ] || [ "$stamp" -nt "$dir/package-lock.json" ]; }; then
    return 0
  fi
  echo "==> npm install in $dir"
  npm install --prefix "$dir" --no-audit --no-fund
  touch "$stamp"
}

# tauri-driver (the WebDriver bridge of the end-to-end tests) in the git-ignored tools/.
need_tauri_driver() {
  [ -x tools/bin/tauri-driver ] && return 0
  echo "==> cargo install tauri-driver into tools/"
  cargo install tauri-driver --locked --version '^2' --root tools
}

# cargo-deny (licences, bans, sources, advisories) in the git-ignored tools/.
need_cargo_deny() {
  [ -x tools/bin/cargo-deny ] && return 0
  echo "==> cargo install cargo-deny into tools/"
  cargo install cargo-deny --locked --root tools
}

# The supply-chain checks: cargo-deny's licence, ban and source policy (deny.toml) always; the
# RustSec advisories and npm's audit when their databases can be reached. A database that
# cannot be fetched is reported as such, not as a pass; a finding fails the run.
supply_chain_checks() {
  local deny=tools/bin/cargo-deny out
  echo "==> cargo deny: licences, bans, sources"
  "$deny" deny --locked check bans licenses sources || return 1
  echo "==> cargo deny: RustSec advisories"
  if out=$(timeout 180 "$deny" deny --locked check advisories 2>&1); then
    echo "$out" | tail -n 3
  elif grep -qiE "failed to (fetch|clone|open)|could not resolve|network|unable to access" <<<"$out"; then
    echo "    not checked: the advisory database cannot be fetched from this machine"
    echo "$out" | grep -iE "error" | head -n 3 | sed 's/^/    /'
  else
    echo "$out"
    return 1
  fi
  local dir
  for dir in . ui; do
    echo "==> npm audit ($dir)"
    if out=$(npm audit --prefix "$dir" --audit-level=moderate 2>&1); then
      echo "$out" | tail -n 2
    elif grep -qE "audit endpoint returned an error|ENOAUDIT|EAI_AGAIN|ENOTFOUND" <<<"$out"; then
      echo "    not checked: the registry's audit service cannot be reached from this machine"
      echo "$out" | grep -iE "warn audit|error" | head -n 2 | sed 's/^/    /'
    else
      echo "$out"
      return 1
    fi
  done
}

# Where cargo puts binaries: $CARGO_TARGET_DIR if set, else the workspace's target/.
target_dir() {
  local dir=${CARGO_TARGET_DIR:-target}
  case $dir in /*) echo "$dir" ;; *) echo "$PWD/$dir" ;; esac
}

# Builds the UI (the Tauri CLI runs beforeBuildCommand) and the debug app with ui/dist embedded.
build_desktop_app() {
  echo "==> UI and desktop app (debug)"
  npm run --silent tauri -- build --debug --no-bundle
}

# Prints how long the command took, then runs the next step.
timed() {
  local start=$SECONDS
  "$@"
  echo "    ($(( SECONDS - start )) s)"
}
