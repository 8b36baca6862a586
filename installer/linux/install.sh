#!/usr/bin/env bash
# Install the bundle built by scripts/build_bundle.sh on a Linux PC (root):
#   /opt/acrel-console/            the bundle (replaced on upgrade; the data is elsewhere and kept)
#   /usr/local/bin/acrel-console   a symlink
#   /usr/share/applications/acrel-console.desktop
#   with --service: user `acrel` (groups dialout), /etc/acrel-console/acrel-console.env, the systemd unit
#   acrel-console.service enabled and started (`acrel-console serve`; data in /var/lib/acrel-console).
# Usage: installer/linux/install.sh [--service] [--bundle DIR]
#        installer/linux/install.sh --uninstall     (removes the program; keeps /var/lib/acrel-console,
#                                                    /etc/acrel-console and every user's data)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$root/dist/acrel-console"
service=0
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --service) service=1 ;;
    --bundle) bundle="$2"; shift ;;
    --uninstall) uninstall=1 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root" >&2; exit 1; }

if [ $uninstall = 1 ]; then
  if systemctl list-unit-files acrel-console.service >/dev/null 2>&1; then
    systemctl disable --now acrel-console.service || true
  fi
  rm -f /etc/systemd/system/acrel-console.service /usr/local/bin/acrel-console \
        /usr/share/applications/acrel-console.desktop
  rm -rf /opt/acrel-console
  systemctl daemon-reload 2>/dev/null || true
  echo "Acrel Console removed; data kept in /var/lib/acrel-console, /etc/acrel-console and ~/.local/share/acrel-console"
  exit 0
fi

[ -x "$bundle/acrel-console" ] || { echo "install.sh: no bundle at $bundle (run scripts/build_bundle.sh)" >&2; exit 1; }
rm -rf /opt/acrel-console.new
cp -a "$bundle" /opt/acrel-console.new
mkdir -p /opt/acrel-console.new/docs
[ -f "$root/docs/deployment.md" ] && cp "$root/docs/deployment.md" /opt/acrel-console.new/docs/
rm -rf /opt/acrel-console.old
[ -d /opt/acrel-console ] && mv /opt/acrel-console /opt/acrel-console.old
mv /opt/acrel-console.new /opt/acrel-console
rm -rf /opt/acrel-console.old
ln -sf /opt/acrel-console/acrel-console /usr/local/bin/acrel-console
install -m 0644 "$here/acrel-console.desktop" /usr/share/applications/acrel-console.desktop

if [ $service = 1 ]; then
  id acrel >/dev/null 2>&1 || useradd --system --home-dir /var/lib/acrel-console --shell /usr/sbin/nologin acrel
  usermod -aG dialout acrel
  install -d -m 0750 -o root -g acrel /etc/acrel-console
  [ -f /etc/acrel-console/acrel-console.env ] ||
    install -m 0640 -o root -g acrel "$here/acrel-console.env.example" /etc/acrel-console/acrel-console.env
  if [ ! -f /etc/acrel-console/service.password ]; then  # the service operator's password (root only)
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > /etc/acrel-console/service.password)
  fi
  install -m 0644 "$here/acrel-console.service" /etc/systemd/system/acrel-console.service
  systemctl daemon-reload
  systemctl enable --now acrel-console.service
  echo "service installed: edit /etc/acrel-console/acrel-console.env (ACREL_DB), create the service operator"
  echo "  acrel-console --user ADMIN operator add acrel-service --role service \\"
  echo "    --new-password-file /etc/acrel-console/service.password"
  echo "then systemctl restart acrel-console"
fi
echo "installed /opt/acrel-console; operators who use serial ports directly: sudo usermod -aG dialout USER (log out and in)"
