#!/bin/sh
#
# Draw one of scout's tutorial pictures with ImageMagick from primitives
# (no third-party art): draw_image.sh <name> <out.png>.
#
set -eu
name=$1
out=$2
bg='none' # transparent: the page shows through
case $name in
overview) # core, init below it, and init's children
	convert -size 360x150 "xc:$bg" -stroke '#3c4660' -strokewidth 2 \
		-draw 'line 180,32 180,58' \
		-draw 'line 180,82 40,108' -draw 'line 180,82 110,108' \
		-draw 'line 180,82 180,108' -draw 'line 180,82 250,108' \
		-draw 'line 180,82 320,108' \
		-fill '#8a3b3b' -draw 'roundrectangle 140,8 220,32 6,6' \
		-fill '#3b5f8a' -draw 'roundrectangle 140,58 220,82 6,6' \
		-fill '#4f8a3b' -draw 'roundrectangle 10,108 70,132 6,6' \
		-fill '#4f8a3b' -draw 'roundrectangle 80,108 140,132 6,6' \
		-fill '#c08a2b' -draw 'roundrectangle 150,108 210,132 6,6' \
		-fill '#4f8a3b' -draw 'roundrectangle 220,108 280,132 6,6' \
		-fill '#4f8a3b' -draw 'roundrectangle 290,108 350,132 6,6' \
		"$out" ;;
views) # three overlapping views, the front one focused
	convert -size 320x170 "xc:$bg" -stroke '#202840' -strokewidth 2 \
		-fill '#9fb4d0' -draw 'rectangle 20,20 170,110' \
		-fill '#d0b49f' -draw 'rectangle 90,50 240,140' \
		-fill '#a8d09f' -draw 'rectangle 160,30 300,120' \
		-fill '#202840' -draw 'rectangle 160,30 300,42' \
		"$out" ;;
*)
	echo "draw_image.sh: no picture '$name'" >&2
	exit 1 ;;
esac
