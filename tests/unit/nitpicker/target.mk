UNIT_TEST := test-nitpicker
SRC_C     := main.c fixture.c stack.c draw.c input.c xray.c
LIBS      := nitpicker_core harness
