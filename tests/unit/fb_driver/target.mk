UNIT_TEST := test-fb_driver
SRC_C     := main.c ../../../os/fb_driver/clip.c ../../../os/fb_driver/mode.c
LIBS      := xml log harness
