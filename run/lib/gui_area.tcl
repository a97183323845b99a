#
# gui_area.tcl: pixel checks over an area, for text whose glyphs differ
# between fonts (doc/gui.md, "nitlog"). Sourced after run/lib/gui.tcl,
# whose screenshots and coordinates it uses.
#
#   gui_area_has name x y w h {r g b} what ?tol?
#       at least one pixel of the area has the colour (within tol per
#       channel, default 24: anti-aliased glyphs have few pure pixels)
#   gui_area_lacks name x y w h {r g b} what ?tol?
#       no pixel of the area has it
#   gui_await_pixels name points ?secs? ?tol?
#       screenshots until every point of gui_check_pixels's list has its
#       colour, at most secs (default 10) x the timeout factor, then the
#       check of the last one: a redraw that passes nitpicker's and the
#       driver's periods late on a loaded machine is waited for, a wrong
#       colour still fails with every point named
#   gui_await_area name x y w h {r g b} what ?secs? ?tol?
#       the same for gui_area_has
#
# Each fails the script (exit 255) naming the area and what was sought.
#

namespace eval gui_area {}

proc gui_area::count {name x y w h rgb tol} {
	if {![dict exists $gui::shots $name]} { gui::fail "no screenshot \"$name\"" }
	lassign [gui::ppm_read [dict get $gui::shots $name]] sw sh pixels
	lassign [gui::screen_xy $x $y] sx sy
	set found 0
	for {set j [expr {max($sy, 0)}]} {$j < min($sy + $h, $sh)} {incr j} {
		set row [string range $pixels [expr {($j * $sw + max($sx, 0)) * 3}] \
			[expr {($j * $sw + min($sx + $w, $sw)) * 3 - 1}]]
		binary scan $row cu* bytes
		foreach {r g b} $bytes {
			if {abs($r - [lindex $rgb 0]) <= $tol && abs($g - [lindex $rgb 1]) <= $tol &&
			    abs($b - [lindex $rgb 2]) <= $tol} { incr found }
		}
	}
	return $found
}

proc gui_area_has {name x y w h rgb what {tol 24}} {
	set n [gui_area::count $name $x $y $w $h $rgb $tol]
	if {$n == 0} {
		gui::fail "$name: $what: no pixel of [join $rgb ,] in ${w}x$h at $x,$y (tolerance $tol)"
	}
	puts "gui: $name: $what: $n pixels of [join $rgb ,] in ${w}x$h at $x,$y"
}

proc gui_area_lacks {name x y w h rgb what {tol 24}} {
	set n [gui_area::count $name $x $y $w $h $rgb $tol]
	if {$n != 0} {
		gui::fail "$name: $what: $n pixels of [join $rgb ,] in ${w}x$h at $x,$y (tolerance $tol)"
	}
	puts "gui: $name: $what: no pixel of [join $rgb ,] in ${w}x$h at $x,$y"
}

# whether every point of the screenshot has its colour (no output)
proc gui_area::points_ok {name points tol} {
	lassign [gui::ppm_read [dict get $gui::shots $name]] w h pixels
	foreach point $points {
		lassign $point x y expected
		lassign [gui::screen_xy $x $y] sx sy
		if {$sx < 0 || $sy < 0 || $sx >= $w || $sy >= $h} { return 0 }
		binary scan [string range $pixels [expr {($sy * $w + $sx) * 3}] end] cu3 seen
		foreach e $expected c $seen { if {abs($e - $c) > $tol} { return 0 } }
	}
	return 1
}

proc gui_await_pixels {name points {secs 10} {tol 8}} {
	set deadline [expr {[clock milliseconds] + round($secs * [timeout_factor] * 1000)}]
	while {1} {
		gui_screenshot $name
		if {[gui_area::points_ok $name $points $tol] || [clock milliseconds] > $deadline} break
		after 100
	}
	gui_check_pixels $name $points $tol
}

proc gui_await_area {name x y w h rgb what {secs 10} {tol 24}} {
	set deadline [expr {[clock milliseconds] + round($secs * [timeout_factor] * 1000)}]
	while {1} {
		gui_screenshot $name
		if {[gui_area::count $name $x $y $w $h $rgb $tol] > 0 ||
		    [clock milliseconds] > $deadline} break
		after 100
	}
	gui_area_has $name $x $y $w $h $rgb $what $tol
}
