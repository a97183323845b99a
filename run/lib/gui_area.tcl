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
