UNIT_TEST := test-scout
SRC_C     := main.c parse.c layout.c history.c fixture.c
LIBS      := scout_doc harness
