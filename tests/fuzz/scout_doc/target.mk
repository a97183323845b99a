FUZZ  := fuzz-scout_doc
SRC_C := main.c
LIBS  := scout_doc harness
