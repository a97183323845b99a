#!/usr/bin/env bash
#
# tool/check_layering refuses generic code that includes from os/: each
# way in (a relative path, a path naming os/, in core/, base/ or include/)
# put into a scratch tree must be named, the clean scratch tree and the
# repository itself must pass (else the check proves nothing).
#
set -u
cd "$(dirname "$0")/../.."
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

mkdir -p "$tmp/core" "$tmp/base/util" "$tmp/include/base" "$tmp/os/init"
echo '#include <base/log.h>' >"$tmp/core/ok.c"
echo '#include "../../include/base/log.h"' >"$tmp/base/util/ok.c"
# a public header in include/os/ is no dependency on os/
mkdir -p "$tmp/include/os" && touch "$tmp/include/os/packet_stream.h"
echo '#include <os/packet_stream.h>' >"$tmp/base/util/ok2.c"
if ! "$repo/tool/check_layering" "$tmp" >/dev/null; then
	echo "FAIL: a clean tree is refused"
	fail=1
fi

check_refused() { # $1 file, $2 include line
	echo "$2" >"$tmp/$1"
	if out=$("$repo/tool/check_layering" "$tmp"); then
		echo "FAIL: $1 with '$2' passes"
		fail=1
	elif ! grep -q "check-layering: $1 includes" <<<"$out"; then
		echo "FAIL: $1 with '$2' refused without naming it: $out"
		fail=1
	else
		echo "ok: $1 with '$2' refused"
	fi
	rm "$tmp/$1"
}
check_refused core/bad.c '#include "../os/init/priority.h"'
check_refused base/util/bad.c '#include "../../os/init/child.h"'
check_refused include/base/bad.h '#include <os/init/child.h>'
check_refused include/base/bad2.h '  #  include "../../os/init/child.h"'

if ! tool/check_layering >/dev/null; then
	echo "FAIL: the repository itself does not pass"
	tool/check_layering
	fail=1
fi
exit $fail
