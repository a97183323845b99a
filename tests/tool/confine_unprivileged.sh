#!/usr/bin/env bash
#
# core started by a developer, not root: it cannot give its processes ids
# of their own, so each gets a user namespace with the developer's ids
# mapped 1:1 and drops every capability it has there (doc/sandbox.md).
# Boots core as uid/gid 4321 (setpriv) from a copy of the boot modules
# with a framework server and test-plain, then reads /proc/<pid>/status
# of each process below core: Uid 4321, Seccomp 2, NoNewPrivs 1, no
# capability in any set, a user namespace other than core's. Where the
# kernel refuses unprivileged user namespaces, core must say so in one
# line naming the way out; that is checked instead.
#
set -u
cd "$(dirname "$0")/../.."

ID=4321
bin=build/linux/bin
make --no-print-directory -j"$(nproc)" core init hello-server test-plain >/dev/null || exit 1
command -v setpriv >/dev/null || { echo "FAIL: setpriv (util-linux) missing"; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/confine-user.XXXXXX")
core_pid=
cleanup() {
	[ -n "$core_pid" ] && kill -KILL "$core_pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
cp "$bin"/{core,init,hello-server,test-plain} "$dir/"
cat >"$dir/config" <<'CONFIG'
<config>
	<parent-provides> <service name="LOG"/> <service name="ROM"/> </parent-provides>
	<default-route> <any-service> <parent/> </any-service> </default-route>
	<start name="hello-server">
		<resource name="RAM" quantum="1M"/>
		<provides> <service name="Hello"/> </provides>
	</start>
	<start name="plain-sleep"> <binary name="test-plain"/> <resource name="RAM" quantum="1M"/> </start>
</config>
CONFIG
chmod -R a+rX "$dir"
(cd "$dir" && exec setpriv --reuid=$ID --regid=$ID --clear-groups ./core >out 2>&1) &
core_pid=$!
disown "$core_pid" # its end by our kill is no news

# 20 s: boot takes well under a second even on a loaded 2-core machine
for _ in $(seq 200); do
	grep -q "plain program running\|cannot confine" "$dir/out" 2>/dev/null && break
	sleep 0.1
done
if grep -q "cannot confine" "$dir/out"; then
	if grep -q "refuses it a user namespace; run core as root" "$dir/out"; then
		echo "ok: no user namespaces here, and core says so: $(grep -m1 'cannot confine' "$dir/out")"
		exit 0
	fi
	echo "FAIL: core cannot confine without saying why:"
	cat "$dir/out"
	exit 1
fi
sleep 0.5 # hello-server's start may trail test-plain's line

fail=0
count=0
core_user=$(readlink /proc/$core_pid/ns/user)
for p in $(pgrep -P "$core_pid"); do
	count=$((count + 1))
	name=$(tr '\0' '\n' <"/proc/$p/cmdline" | head -n 1)
	s=/proc/$p/status
	wrong=
	grep -qP "^Uid:\t$ID\t$ID\t$ID\t$ID$" "$s" || wrong+=" $(grep ^Uid: "$s")"
	grep -qP "^Seccomp:\t2$" "$s" || wrong+=" $(grep ^Seccomp: "$s")"
	grep -qP "^NoNewPrivs:\t1$" "$s" || wrong+=" $(grep ^NoNewPrivs: "$s")"
	for c in CapInh CapPrm CapEff CapBnd CapAmb; do
		grep -qP "^$c:\t0+$" "$s" || wrong+=" $(grep "^$c:" "$s")"
	done
	[ "$(readlink "/proc/$p/ns/user")" != "$core_user" ] || wrong+=" core's user namespace"
	if [ -n "$wrong" ]; then
		echo "FAIL: $name (pid $p) not confined:$wrong"
		fail=1
	else
		echo "ok: $name (pid $p) confined as uid $ID in a user namespace of its own"
	fi
done
if [ "$count" -lt 3 ]; then
	echo "FAIL: only $count processes below core (init, hello-server, plain-sleep expected)"
	cat "$dir/out"
	fail=1
fi
exit $fail
