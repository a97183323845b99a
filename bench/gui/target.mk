# Linux only: it links the host's SDL2 for its baseline (left out where
# the platform has no SDL2, like fb_sdl) and boots fb_sdl under an Xvfb
BENCH     := bench-gui
SRC_C     := main.c xvfb.c baseline.c genode.c figures.c compose.c
LIBS      := nitpicker_core bench_measure
HOST_LIBS := sdl2
