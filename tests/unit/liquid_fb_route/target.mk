UNIT_TEST := test-liquid-fb-route
SRC_C     := main.c ../../../demo/liquid_fb/route.c
LIBS      := gui_window harness
