#
# netns.tcl: a private network namespace with one TAP device for the NIC
# scenarios (doc/net.md). Sourced by a run script (source [genode_dir]/
# run/lib/netns.tcl); no scenario itself.
#
#   netns_create tap addr   namespace "genc-<run>-<pid>" with the TAP
#                           device tap (mode tap, address addr, e.g.
#                           10.0.2.1/24) and lo up; core boots inside it
#                           (core_wrapper), so the device core opens is
#                           this one; removed when the run tool exits,
#                           however it exits, after core was stopped
#   netns_name              the namespace's name
#   netns_exec args...      run a host command inside the namespace
#
# Traffic never leaves the namespace: it has no other link.
#

namespace eval netns {
	variable name ""
}

proc netns::remove {} {
	variable name
	if {$name eq ""} { return }
	catch { exec ip netns del $name }
	set name ""
}

proc netns_name {} { return $netns::name }

proc netns_exec {args} {
	return [exec ip netns exec $netns::name {*}$args 2>@1]
}

proc netns_create {tap addr} {
	foreach program {ip} { check_installed $program }
	set netns::name "genc-[run_name]-[pid]"
	# the run tool's own handler stops core first: the namespace goes last
	exit -onexit "[exit -onexit]; netns::remove"
	set ns $netns::name
	catch { exec ip netns del $ns }
	if {[catch {
		exec ip netns add $ns
		exec ip -n $ns link set lo up
		exec ip -n $ns tuntap add dev $tap mode tap
		exec ip -n $ns addr add $addr dev $tap
		exec ip -n $ns link set $tap up
	} err]} {
		puts stderr "Error: cannot set up network namespace $ns: $err"
		exit -1
	}
	set ::core_wrapper [list ip netns exec $ns]
}
