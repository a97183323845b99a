#
# gui.tcl: headless GUI tests for the run scripts (doc/gui.md). Sourced by
# a run script (source [genode_dir]/run/lib/gui.tcl); no scenario itself.
#
#   gui_start ?w? ?h?          Xvfb on a free display, w x h x 24 (default
#                              1024x768); stopped when the run tool exits,
#                              however it exits (error, timeout, signal)
#   gui_display                its name (":N"), for fb_sdl's config
#   gui_window_find name ?s?   wait up to s seconds for a window of that
#                              title (fb_sdl: "fb_sdl"); later coordinates
#                              are the window's, this gives its origin
#   gui_click x y ?button?     move there and click (xdotool)
#   gui_key name...            press and release keys (xdotool's names: a,
#                              Return, F1, ctrl+c)
#   gui_drag x0 y0 x1 y1 ?b?   press at x0,y0, move, release at x1,y1
#   gui_wait re secs           wait for core's output (run_genode_until
#                              -cont: only what came after the last wait)
#   gui_screenshot name        the screen into <build>/gui/<run>-<name>.png
#                              (and .ppm, which the pixel checks read)
#   gui_check_pixels name pts ?tol?
#                              pts: {x y {r g b} what}...; each point's
#                              colour must be within tol (default 8) per
#                              channel; every difference is named, then
#                              the script fails (exit 255)
#
# No whole-image comparison: fonts and anti-aliasing change between
# hosts, the colour of a chosen point of a filled area does not.
#
# The window's origin: fb_sdl asks for 0,0 and Xvfb has no window manager,
# so the window is at 0,0 without decorations. The library asks the X
# server anyway (xwininfo) and adds the origin it reports, so a test still
# points at the right pixels where a window manager placed it elsewhere.
#

namespace eval gui {
	variable display ""
	variable xvfb_pid 0
	variable origin_x 0
	variable origin_y 0
	variable shots {}  ;# name -> ppm path
}

proc gui::fail {msg} {
	flush stdout
	puts stderr "Error: gui: $msg"
	flush stderr
	exit -1
}

proc gui::x {args} {
	variable display
	return [exec env DISPLAY=$display {*}$args]
}

# a display number no X server on this machine uses (its lock and socket absent)
proc gui::free_display {from} {
	for {set n $from} {$n < $from + 100} {incr n} {
		if {![file exists /tmp/.X$n-lock] && ![file exists /tmp/.X11-unix/X$n]} { return $n }
	}
	fail "no free X display between :$from and :[expr {$from + 99}]"
}

proc gui::alive {pid} { return [file exists /proc/$pid] }

# wait until the server answers; 0 if it ended first (display taken meanwhile)
proc gui::await_server {pid secs} {
	set deadline [expr {[clock milliseconds] + $secs * 1000}]
	while {[clock milliseconds] < $deadline} {
		if {![alive $pid]} { return 0 }
		if {![catch {x xdpyinfo >/dev/null 2>@1}]} { return 1 }
		after 50
	}
	fail "Xvfb on $gui::display did not accept connections within $secs s"
}

#
# setpriv --pdeathsig: Xvfb ends with the run tool even when that is
# killed outright and no exit handler runs.
#
proc gui_start {{width 1024} {height 768}} {
	foreach tool {Xvfb xdotool xdpyinfo xwininfo import convert setpriv} {
		if {[auto_execok $tool] eq ""} { gui::fail "$tool is not installed (tool/install_deps)" }
	}
	file mkdir [file join [build_dir] gui]
	set log [file join [build_dir] gui [run_name]-xvfb.log]
	for {set attempt 0} {$attempt < 5} {incr attempt} {
		set n [gui::free_display [expr {100 + [pid] % 50 + $attempt * 7}]]
		set gui::display ":$n"
		set gui::xvfb_pid [exec setpriv --pdeathsig KILL Xvfb :$n -screen 0 ${width}x${height}x24 \
			-nolisten tcp -noreset >& $log &]
		if {[gui::await_server $gui::xvfb_pid 10]} {
			puts "gui: Xvfb on :$n (${width}x${height}x24), pid $gui::xvfb_pid"
			return
		}
	}
	gui::fail "Xvfb did not start (see $log)"
}

proc gui_stop {} {
	if {$gui::xvfb_pid == 0} return
	catch {exec kill -TERM $gui::xvfb_pid}
	for {set i 0} {$i < 40 && [gui::alive $gui::xvfb_pid]} {incr i} { after 25 }
	catch {exec kill -KILL $gui::xvfb_pid}
	set gui::xvfb_pid 0
}

# after the run tool's own handler, which ends core and with it fb_sdl
exit -onexit "[exit -onexit]; gui_stop"

proc gui_display {} { return $gui::display }

proc gui_window_find {name {secs 10}} {
	set deadline [expr {[clock milliseconds] + round($secs * [timeout_factor] * 1000)}]
	while {[catch {gui::x xwininfo -name $name} info]} {
		if {[clock milliseconds] > $deadline} {
			gui::fail "no window \"$name\" on $gui::display within $secs s"
		}
		after 100
	}
	regexp {Absolute upper-left X:\s+(-?\d+)} $info -> gui::origin_x
	regexp {Absolute upper-left Y:\s+(-?\d+)} $info -> gui::origin_y
	regexp {Width:\s+(\d+)} $info -> w
	regexp {Height:\s+(\d+)} $info -> h
	puts "gui: window \"$name\" at $gui::origin_x,$gui::origin_y, ${w}x$h"
	return [list $gui::origin_x $gui::origin_y $w $h]
}

proc gui::screen_xy {x y} {
	return [list [expr {$x + $gui::origin_x}] [expr {$y + $gui::origin_y}]]
}

proc gui_click {x y {button 1}} {
	gui::x xdotool mousemove --sync {*}[gui::screen_xy $x $y] click $button
}

proc gui_key {args} { gui::x xdotool key {*}$args }

proc gui_drag {x0 y0 x1 y1 {button 1}} {
	gui::x xdotool mousemove --sync {*}[gui::screen_xy $x0 $y0] mousedown $button
	gui::x xdotool mousemove --sync {*}[gui::screen_xy $x1 $y1] mouseup $button
}

proc gui_wait {re secs} { run_genode_until $re $secs -cont }

proc gui_screenshot {name} {
	set base [file join [build_dir] gui [run_name]-$name]
	if {[catch {gui::x import -window root -depth 8 ppm:$base.ppm} err]} {
		gui::fail "screenshot \"$name\" failed: $err"
	}
	catch {exec convert $base.ppm $base.png}
	dict set gui::shots $name $base.ppm
	puts "gui: screenshot $base.png"
	return $base.png
}

# the pixels of a binary PPM (P6, maxval 255): width, height, bytes
proc gui::ppm_read {path} {
	set f [open $path rb]
	set data [read $f]
	close $f
	if {![regexp {^P6\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+255\s} $data header w h]} {
		gui::fail "$path is no 8-bit binary PPM"
	}
	return [list $w $h [string range $data [string length $header] end]]
}

proc gui_check_pixels {name points {tolerance 8}} {
	if {![dict exists $gui::shots $name]} { gui::fail "no screenshot \"$name\"" }
	lassign [gui::ppm_read [dict get $gui::shots $name]] w h pixels
	set wrong {}
	foreach point $points {
		lassign $point x y expected what
		lassign [gui::screen_xy $x $y] sx sy
		if {$sx < 0 || $sy < 0 || $sx >= $w || $sy >= $h} {
			lappend wrong "$what at $x,$y: outside the ${w}x$h screen"
			continue
		}
		binary scan [string range $pixels [expr {($sy * $w + $sx) * 3}] end] cu3 seen
		foreach e $expected s $seen {
			if {abs($e - $s) > $tolerance} {
				lappend wrong "$what at $x,$y: expected [join $expected ,], seen [join $seen ,]"
				break
			}
		}
	}
	if {[llength $wrong]} {
		foreach line $wrong { puts stderr "gui: $name: $line" }
		gui::fail "$name: [llength $wrong] of [llength $points] points differ (tolerance $tolerance)"
	}
	puts "gui: $name: [llength $points] points as expected"
}
