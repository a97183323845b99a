#
# genode_verbs.tcl: the verbs of Genode's run tool that tool/run's core
# verbs do not cover, with Genode's semantics (issue #13: Genode's run
# scripts run as they are). tool/run sources this file before the run
# scripts; it is no scenario itself (tool/test_all runs run/*.run only).
# doc/run_tool.md lists the verbs and where they differ from Genode's.
#

#
# Genode's include list names the run-tool includes of a run (power_on/qemu,
# load/tftp ...). Ours are the --include arguments as given; a QEMU target
# also counts as power_on/qemu, which is what Genode's scripts ask to learn
# that QEMU boots the scenario (they then only add qemu_args).
#
proc have_include {name} {
	set list $run::includes_given
	if {$run::target eq "qemu"} { lappend list power_on/qemu }
	return [expr {$name in $list}]
}

# Genode's scripts read options of their own from the run tool's command
# line; ours are those after '--' (tool/run rejects unknown options before)
proc get_cmd_switch {arg_name} {
	global argv
	return [expr {[lsearch -exact $argv $arg_name] >= 0}]
}

# the word after each occurrence of arg_name: one value, a list of several,
# or default_value if arg_name is absent (Genode's semantics)
proc get_cmd_arg {arg_name default_value} {
	global argv
	set idxs [lsearch -all -exact $argv $arg_name]
	if {![llength $idxs]} { return $default_value }
	set result {}
	foreach i $idxs {
		if {$i + 1 < [llength $argv]} { lappend result [lindex $argv $i+1] }
	}
	if {[llength $result] == 1} { return [lindex $result 0] }
	return $result
}

proc have_installed {program} {
	return [expr {[auto_execok $program] ne ""}]
}

# Genode ends the run successfully when a tool is missing: a script that
# needs one is skipped, not failed
proc requires_installation_of {program} {
	if {![have_installed $program]} {
		puts "Run script aborted because $program is not installed"
		exit 0
	}
}

# the path of a command, also from the sbin directories that a user's PATH
# often lacks; a missing command ends the run with 1 as in Genode
proc check_installed {command} {
	set path [auto_execok $command]
	if {$path ne ""} { return [lindex $path 0] }
	foreach dir {/sbin /usr/sbin /usr/local/bin} {
		if {[file executable $dir/$command]} { return $dir/$command }
	}
	puts stderr "Error: '$command' command could be not found. Please make sure to install the"
	puts stderr "        packet containing '$command', or make it available in your PATH variable.\n"
	exit 1
}

#
# Genode's wait on a running scenario: unlike run_genode_until with a spawn
# id, it appends what it consumed to 'output' instead of replacing it, so a
# script can wait for several lines and compare them all afterwards.
#
proc wait_for_output {wait_for_re timeout_value running_spawn_id} {
	global output
	set before $output
	run_genode_until $wait_for_re $timeout_value $running_spawn_id
	set output $before$output
}

proc filter_out_color_escape_sequences {} {
	global output
	regsub -all {\e\[.*?m} $output "" output
}

# Genode's trim_lines folds runs of line ends (empty lines, \r) into one
proc trim_lines {} {
	global output
	regsub -all {[\r\n]+} $output "\n" output
}

proc strip_whitespace {string} {
	regsub -all {^\s+} $string "" string
	regsub -all {\s+$} $string "" string
	return $string
}

#
# Genode asks this to learn whether QEMU boots the whole scenario: never on
# Linux, where Genode runs as processes of the host. Our QEMU target boots
# a Linux VM in which core runs as a process, so the answer stays no.
#
proc is_qemu_available {} {
	return [expr {$run::target eq "qemu" && ![have_spec linux]}]
}

#
# Genode's repositories are its repos/<name> directories; ours are the
# top-level directories of the tree, the platform's first as in Genode's
# build.conf. Returns the first that holds the path, "" if none.
#
proc repository_contains {path} {
	foreach repo [list base-$run::platform base core os bench] {
		set dir [file join $run::root_dir $repo]
		if {[file exists [file join $dir $path]]} { return $dir }
	}
	return ""
}
