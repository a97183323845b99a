#
# netns_dhcp.tcl: a DHCP server (dnsmasq) inside the scenario's network
# namespace (run/lib/netns.tcl, doc/net.md). Sourced by a run script
# after netns.tcl; no scenario itself.
#
#   netns_dhcp_start tap first last   dnsmasq on tap in the namespace,
#                                     leasing first..last (/24, 1 h), no
#                                     DNS, its leases in the run
#                                     directory; stopped when the run tool
#                                     exits, however it exits
#   netns_dhcp_log                    what dnsmasq said so far
#
# dnsmasq binds to the namespace's tap only: nothing outside the
# namespace sees it or its answers.
#

namespace eval netns_dhcp {
	variable pid ""
	variable log ""
}

proc netns_dhcp::stop {} {
	variable pid
	if {$pid eq ""} { return }
	catch { exec kill $pid }
	# dnsmasq ends on SIGTERM at once; do not leave it to the namespace's removal
	for {set i 0} {$i < 50 && ![catch {exec kill -0 $pid}]} {incr i} { after 20 }
	catch { exec kill -KILL $pid }
	set pid ""
}

proc netns_dhcp_log {} {
	if {$netns_dhcp::log eq "" || ![file exists $netns_dhcp::log]} { return "" }
	set f [open $netns_dhcp::log r]
	set text [read $f]
	close $f
	return $text
}

proc netns_dhcp_start {tap first last} {
	set dnsmasq [check_installed dnsmasq]
	set ns [netns_name]
	if {$ns eq ""} {
		puts stderr "Error: netns_dhcp_start needs the namespace of netns_create first"
		exit -1
	}
	set netns_dhcp::log [run_dir]/dnsmasq.log
	# stopped before the namespace goes (the handlers run in order)
	exit -onexit "netns_dhcp::stop; [exit -onexit]"
	set netns_dhcp::pid [exec ip netns exec $ns $dnsmasq --no-daemon --conf-file=/dev/null \
		--interface=$tap --bind-dynamic --port=0 --no-resolv --no-hosts \
		--dhcp-range=$first,$last,255.255.255.0,1h --dhcp-leasefile=[run_dir]/dnsmasq.leases \
		--log-dhcp --log-facility=- >& $netns_dhcp::log &]
	after 200
	if {[catch {exec kill -0 $netns_dhcp::pid}]} {
		puts stderr "Error: dnsmasq did not start: [netns_dhcp_log]"
		set netns_dhcp::pid ""
		exit -1
	}
}
