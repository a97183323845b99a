#
# Looking at the processes where core runs: natively this machine, in a VM
# (tool/run --target qemu) the guest, whose busybox has no pgrep. Built on
# the run tool's target_exec, so the same script works on both.
#

# the live processes whose parent is 'ppid': a dict pid -> command line
# (arguments separated by spaces)
proc target_children {ppid} {
	set out [target_exec sh -c {
		for d in /proc/[0-9]*; do
			read -r stat 2>/dev/null <"$d/stat" || continue
			set -- ${stat##*) }
			[ "$2" = "$0" ] || continue
			cmd=$(tr '\0' ' ' 2>/dev/null <"$d/cmdline")
			echo "${d#/proc/} $cmd"
		done
	} $ppid]
	set found {}
	foreach line [split $out "\n"] {
		if {[regexp {^(\d+) ?(.*)$} $line -> pid cmd]} { dict set found $pid [string trim $cmd] }
	}
	return $found
}

# the children of 'ppid' whose whole command line matches the regexp
proc target_children_matching {ppid re} {
	set pids {}
	dict for {pid cmd} [target_children $ppid] {
		if {[regexp -- $re $cmd]} { lappend pids $pid }
	}
	return $pids
}

# the number of open descriptors of process 'pid'
proc target_fd_count {pid} {
	return [string trim [target_exec sh -c {ls "/proc/$0/fd" | wc -l} $pid]]
}

# does 'path' exist where core runs?
proc target_exists {path} {
	return [expr {![catch {target_exec test -e $path}]}]
}
